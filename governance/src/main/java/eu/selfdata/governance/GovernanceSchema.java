package eu.selfdata.governance;

import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code governance} schema in the platform's one database, next to {@code platform} and the
 * city schemas; Liquibase keeps its own tables there too, so this service never writes elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class GovernanceSchema {

    static final String SCHEMA = "governance";

    @Bean
    SpringLiquibase liquibase(DataSource dataSource) {
        JdbcClient.create(dataSource)
                .sql("create schema if not exists " + SCHEMA)
                .update();
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/governance/changelog.sql");
        liquibase.setDefaultSchema(SCHEMA);
        liquibase.setLiquibaseSchema(SCHEMA);
        return liquibase;
    }
}
