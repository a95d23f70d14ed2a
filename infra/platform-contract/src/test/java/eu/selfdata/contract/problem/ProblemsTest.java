package eu.selfdata.contract.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void aProblemCarriesItsStableTypeTitleStatusAndTheDetail() {
        PlatformProblem closed =
                new PlatformProblem.Definition("dead-letter-closed", "Dead letter already closed", HttpStatus.CONFLICT);

        ProblemDetail problem = closed.detail("Dead letter 7 was discarded");

        assertThat(problem.getType()).isEqualTo(URI.create("https://selfdata.eu/problems/dead-letter-closed"));
        assertThat(problem.getTitle()).isEqualTo("Dead letter already closed");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).isEqualTo("Dead letter 7 was discarded");
        assertThat(closed.exception("again").getBody().getType()).isEqualTo(closed.uri());
        assertThat(closed.exception("again").getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aTypeNameIsOneLowercaseSegment() {
        for (String bad : new String[] {"Not-Found", "../x", "a/b", "x", "", "not found", "a?b=c"}) {
            assertThatThrownBy(() -> new PlatformProblem.Definition(bad, "Title", HttpStatus.BAD_REQUEST))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
