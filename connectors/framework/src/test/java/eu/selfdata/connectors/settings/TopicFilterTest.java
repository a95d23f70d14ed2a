package eu.selfdata.connectors.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"bins/+/fill", "#", "+", "bins/#", "a/b/c/d/e/f/g/h", "PB-12_x/fill"})
    void aFilterInsideTheCityTreeIsKeptUnderTheCity(String relative) {
        assertThat(new TopicFilter(relative).under("lyon")).isEqualTo("lyon/" + relative);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/bins",
                "bins/",
                "bins//fill",
                "#/fill",
                "bins/#/fill",
                "bins#",
                "bins+",
                "$SYS/#",
                "$share/g/bins",
                "../lyon-sud/bins",
                "bins/é",
                "bins fill",
                "a/b/c/d/e/f/g/h/i",
                "lyon-sud.bins",
                "bins/*",
                "bins/{{env:HOME}}"
            })
    void aFilterThatCouldLeaveTheCityTreeIsRefused(String relative) {
        assertThatThrownBy(() -> new TopicFilter(relative)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void levelsUpTo64CharactersAreKept() {
        String level = "x".repeat(64);
        assertThat(new TopicFilter(level).relative()).isEqualTo(level);
        assertThatThrownBy(() -> new TopicFilter(level + "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lyon", "l", "lyon/x", "../x"})
    void onlyACitySlugGetsATree(String city) {
        assertThatThrownBy(() -> new TopicFilter("bins/#").under(city)).isInstanceOf(IllegalArgumentException.class);
    }
}
