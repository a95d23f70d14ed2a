package eu.selfdata.tenant.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SlugValidationTest extends TenantServiceTest {

    @Autowired
    DataSource dataSource;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a;drop schema platform cascade",
                "../x",
                "Lyon",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "pg_catalog",
                "pg-toast",
                "platform",
                "x",
                "t_lyon",
                "lyon\"; --"
            })
    void maliciousOrMalformedSlugsAreRefusedWith400AndNothingIsCreated(String slug) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        int schemasBefore = jdbc.sql("select count(*) from information_schema.schemata")
                .query(Integer.class)
                .single();
        int tenantsBefore = jdbc.sql("select count(*) from platform.tenant")
                .query(Integer.class)
                .single();

        ServiceClient.Response refused = client.platform("POST", "/platform/tenants", cityRequest(slug, "Somewhere"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problemType()).isEqualTo("invalid-tenant-id");
        assertThat(jdbc.sql("select count(*) from information_schema.schemata")
                        .query(Integer.class)
                        .single())
                .isEqualTo(schemasBefore);
        assertThat(jdbc.sql("select count(*) from platform.tenant")
                        .query(Integer.class)
                        .single())
                .isEqualTo(tenantsBefore);
        assertThat(jdbc.sql("select count(*) from information_schema.schemata where schema_name = 'platform'")
                        .query(Integer.class)
                        .single())
                .isOne();
    }
}
