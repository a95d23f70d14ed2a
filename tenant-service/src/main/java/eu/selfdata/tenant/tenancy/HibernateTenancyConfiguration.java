package eu.selfdata.tenant.tenancy;

import javax.sql.DataSource;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HibernateTenancyConfiguration {

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant(DataSource dataSource, SchemaConnections connections) {
        return properties -> {
            properties.put(
                    MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
                    new SchemaPerTenantConnectionProvider(dataSource, connections));
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new ContextTenantResolver());
        };
    }
}
