package eu.selfdata.governance.problem;

import eu.selfdata.contract.problem.LocalizedProblemTitles;
import eu.selfdata.contract.problem.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

    /** Problem bodies written by the servlet filters, with the JSON settings of the controllers' answers. */
    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    /** Problem titles in the request's language. */
    @Bean
    LocalizedProblemTitles localizedProblemTitles() {
        return new LocalizedProblemTitles();
    }
}
