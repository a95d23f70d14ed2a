package eu.selfdata.governance;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class JdbcConfiguration {

    /** After Liquibase: nothing reads the schema before it exists. */
    @Bean
    JdbcClient jdbcClient(DataSource dataSource, liquibase.integration.spring.SpringLiquibase migratedFirst) {
        return JdbcClient.create(dataSource);
    }
}
