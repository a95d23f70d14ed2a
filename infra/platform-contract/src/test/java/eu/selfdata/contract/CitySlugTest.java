package eu.selfdata.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CitySlugTest {

    /**
     * The seed of this run's random candidates: new every run, {@code -Dselfdata.test.seed=...} to
     * replay one. The same rule as test-support's TestSeed, which this module does not depend on
     * (it would bring PostgreSQL to a plain-Java module's tests for three lines).
     */
    private static final long SEED =
            Long.parseLong(System.getProperty("selfdata.test.seed", Long.toString(new SplittableRandom().nextLong())));

    private static final String SLUG_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-";

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

    @ParameterizedTest
    @MethodSource("candidates")
    void everyAcceptedSlugGivesASafeSchemaName(String candidate) {
        String replay = "'" + candidate + "', replay with -Dselfdata.test.seed=" + SEED;
        assertThat(CitySlug.isValid(candidate)).as(replay).isEqualTo(accepted(candidate));
        try {
            CitySlug slug = CitySlug.of(candidate);
            assertThat(slug.schemaName()).as(replay).matches("^t_[a-z][a-z0-9_]{1,39}$");
            assertThat(slug.quotedSchema()).as(replay).isEqualTo("\"" + slug.schemaName() + "\"");
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
            assertThat(!wellFormed || reserved).as("rejected " + replay).isTrue();
        }
    }

    /**
     * 1000 candidates of up to 45 characters: the bounds (empty, one character, 39 to 41 and 45
     * characters, the first and last characters, reserved names), then random strings from this
     * run's seed, a third of any characters, a third from the slug alphabet (often well-formed, so
     * acceptance is tested too: random text alone is nearly never a slug), a third near a reserved
     * name or the {@code pg-} prefix.
     */
    static Stream<String> candidates() {
        List<String> candidates = new ArrayList<>(List.of(
                "", "a", "-", "0", "\u0000", " ", "\uffff", "é", "ab", "a-", "a-b", "pg-", "pg-a", "pg", "pga"));
        for (int length : new int[] {39, 40, 41, 45}) {
            candidates.add("a".repeat(length));
            candidates.add("z" + "9".repeat(length - 1));
            candidates.add("a" + "-".repeat(length - 2) + "a");
        }
        candidates.addAll(CitySlug.RESERVED);
        SplittableRandom random = new SplittableRandom(SEED);
        while (candidates.size() < 1000) {
            int length = random.nextInt(46);
            candidates.add(
                    switch (random.nextInt(3)) {
                        case 0 -> anyCharacters(random, length);
                        case 1 -> slugCharacters(random, length);
                        default ->
                            (random.nextBoolean()
                                            ? List.copyOf(CitySlug.RESERVED)
                                                    .get(random.nextInt(CitySlug.RESERVED.size()))
                                            : "pg-")
                                    + slugCharacters(random, random.nextInt(3));
                    });
        }
        return candidates.stream();
    }

    private static String anyCharacters(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            char c = (char) random.nextInt(Character.MAX_VALUE + 1);
            if (!Character.isSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static String slugCharacters(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // now and then a character a careless rule would let through
            text.append(
                    random.nextInt(20) == 0
                            ? "A_. /\"".charAt(random.nextInt(6))
                            : SLUG_CHARACTERS.charAt(random.nextInt(SLUG_CHARACTERS.length())));
        }
        return text.toString();
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
