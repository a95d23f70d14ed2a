package eu.selfdata.tenant.tenancy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a;drop schema", "../x", "Lyon", "pg_catalog", "information_schema", "x",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1city", "-city", "city-", "platform", "pg-toast", "ville\"", ""})
    void rejectsSlugsThatCouldEscapeOrCollide(String slug) {
        assertThatThrownBy(() -> TenantId.of(slug)).isInstanceOf(InvalidTenantIdException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"larochelle", "lyon", "saint-etienne", "lahti2", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void acceptsCitySlugs(String slug) {
        assertThat(TenantId.of(slug).schemaName()).isEqualTo("t_" + slug.replace('-', '_'));
    }

    @Property
    void everyAcceptedSlugGivesASafeSchemaName(@ForAll @StringLength(max = 45) String candidate) {
        try {
            TenantId id = TenantId.of(candidate);
            assertThat(id.schemaName()).matches("^t_[a-z][a-z0-9_]{1,39}$");
            assertThat(id.quotedSchema()).isEqualTo("\"" + id.schemaName() + "\"");
        } catch (InvalidTenantIdException rejected) {
            boolean wellFormed = candidate.matches("^[a-z][a-z0-9-]{0,38}[a-z0-9]$");
            boolean reserved = candidate.startsWith("pg-") || java.util.Set.of("platform", "www", "api", "admin", "auth",
                    "keycloak", "governance", "internal", "public", "static", "assets", "mail", "status").contains(candidate);
            assertThat(!wellFormed || reserved).as("rejected '%s'", candidate).isTrue();
        }
    }
}
