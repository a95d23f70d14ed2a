package eu.selfdata.contract.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemTitlesTest {

    private static final PlatformProblem WRONG_CITY =
            new PlatformProblem.Definition("wrong-city", "Identity of another city", HttpStatus.FORBIDDEN);

    @Test
    void aFrenchRequestGetsTheFrenchTitleAndTheSameTypeStatusAndDetail() {
        ProblemDetail problem = ProblemTitles.localize(WRONG_CITY.detail("Lyon's token on La Rochelle"), Locale.FRENCH);

        assertThat(problem.getTitle()).isEqualTo("Identité d'une autre ville");
        assertThat(problem.getType()).isEqualTo(WRONG_CITY.uri());
        assertThat(problem.getStatus()).isEqualTo(403);
        assertThat(problem.getDetail()).isEqualTo("Lyon's token on La Rochelle");
    }

    @Test
    void anyOtherLanguageOrAnUnknownTypeKeepsTheEnglishTitle() {
        assertThat(ProblemTitles.localize(WRONG_CITY.detail("x"), Locale.ENGLISH)
                        .getTitle())
                .isEqualTo("Identity of another city");
        assertThat(ProblemTitles.localize(
                                new PlatformProblem.Definition("brand-new-type", "Brand new", HttpStatus.CONFLICT)
                                        .detail("x"),
                                Locale.FRENCH)
                        .getTitle())
                .isEqualTo("Brand new");
    }
}
