package eu.selfdata.keycloak.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssuranceLevelTest {

    @Test
    void aLevelMeetsItselfAndTheLevelsBelowIt() {
        assertThat(AssuranceLevel.meets("eidas1", "eidas1")).isTrue();
        assertThat(AssuranceLevel.meets("eidas3", "eidas2")).isTrue();
        assertThat(AssuranceLevel.meets("eidas1", "eidas2")).isFalse();
    }

    @Test
    void noLevelOrAnUnknownOneMeetsNothing() {
        assertThat(AssuranceLevel.meets(null, "eidas1")).isFalse();
        assertThat(AssuranceLevel.meets("1", "eidas1")).isFalse();
        assertThat(AssuranceLevel.meets("EIDAS3", "eidas1")).isFalse();
        assertThat(AssuranceLevel.meets("eidas3", "eidas9"))
                .as("an unknown requirement is never met")
                .isFalse();
    }
}
