package eu.selfdata.tenant.retention;

import eu.selfdata.usecase.api.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core's own retention rule, beside the modules' and the connector framework's. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    RetentionRule inactiveAccountsRetention(InactiveAccounts accounts) {
        return accounts.rule();
    }
}
