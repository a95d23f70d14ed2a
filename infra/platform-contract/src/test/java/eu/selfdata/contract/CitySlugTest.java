package eu.selfdata.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CitySlugTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a;drop schema",
                "../x",
                "Lyon",
                "pg_catalog",
                "information_schema",
                "x",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "1city",
                "-city",
                "city-",
                "platform",
                "pg-toast",
                "ville\"",
                ""
            })
    void rejectsSlugsThatCouldEscapeOrCollide(String slug) {
        assertThatThrownBy(() -> CitySlug.of(slug))
                .isInstanceOf(InvalidCitySlugException.class)
                .hasMessageStartingWith("Invalid city slug '" + slug + "': ");
        assertThat(CitySlug.isValid(slug)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"larochelle", "lyon", "saint-etienne", "lahti2", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void acceptsCitySlugs(String slug) {
        assertThat(CitySlug.of(slug).schemaName()).isEqualTo("t_" + slug.replace('-', '_'));
        assertThat(CitySlug.isValid(slug)).isTrue();
    }

    @Property
    void everyAcceptedSlugGivesASafeSchemaName(@ForAll @StringLength(max = 45) String candidate) {
        assertThat(CitySlug.isValid(candidate)).isEqualTo(accepted(candidate));
        try {
            CitySlug slug = CitySlug.of(candidate);
            assertThat(slug.schemaName()).matches("^t_[a-z][a-z0-9_]{1,39}$");
            assertThat(slug.quotedSchema()).isEqualTo("\"" + slug.schemaName() + "\"");
        } catch (InvalidCitySlugException rejected) {
            boolean wellFormed = candidate.matches("^[a-z][a-z0-9-]{0,38}[a-z0-9]$");
            boolean reserved = candidate.startsWith("pg-")
                    || java.util.Set.of(
                                    "platform",
                                    "www",
                                    "api",
                                    "admin",
                                    "auth",
                                    "keycloak",
                                    "governance",
                                    "internal",
                                    "public",
                                    "static",
                                    "assets",
                                    "mail",
                                    "status")
                            .contains(candidate);
            assertThat(!wellFormed || reserved).as("rejected '%s'", candidate).isTrue();
        }
    }

    private static boolean accepted(String candidate) {
        try {
            CitySlug.of(candidate);
            return true;
        } catch (InvalidCitySlugException e) {
            return false;
        }
    }
}
