package eu.selfdata.tenant.problem;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.contract.problem.ProblemTitles;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A French-speaking citizen or admin reads every refusal of tenant-service in French. */
class ProblemTypeTitlesTest {

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyProblemTypeHasAFrenchTitle(ProblemType type) {
        String french = ProblemTitles.localize(type.detail("x"), Locale.FRENCH).getTitle();

        assertThat(french).isNotBlank().isNotEqualTo(type.title());
    }
}
