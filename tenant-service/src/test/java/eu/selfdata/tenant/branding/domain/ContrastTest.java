package eu.selfdata.tenant.branding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContrastTest {

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "#000000, #ffffff, 21.0, true",
        "#ffffff, #ffffff, 1.0, false",
        "#777777, #888888, 1.26, false",
        "#767676, #ffffff, 4.54, true", // the lightest grey that passes AA on white
        "#777777, #ffffff, 4.48, false",
        "#00607a, #ffffff, 7.11, true", // La Rochelle's demo colours
        "#c8102e, #ffffff, 5.88, true"
    }) // Lyon's
    void ratioFollowsWcag21(String first, String second, double ratio, boolean aa) {
        Contrast contrast = Contrast.between(first, second);

        assertThat(contrast.ratio()).isCloseTo(ratio, within(0.01));
        assertThat(contrast.meetsAa()).isEqualTo(aa);
        assertThat(Contrast.between(second, first).ratio()).isEqualTo(contrast.ratio());
    }
}
