package eu.selfdata.tenant.modules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import eu.selfdata.tenant.tenancy.TenantId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@Import(EnergyPilotModule.class)
class ModuleSwitchTest extends TenantServiceTest {

    private static final String PATH = "/platform/tenants/%s/modules/%s";

    @Autowired
    DataSource dataSource;

    @Test
    void enablingAModuleCreatesItsTablesForThatCityOnlyAndDisablingKeepsTheData() {
        String larochelle = onboard(freshSlug("lr"), "La Rochelle");
        String lyon = onboard(freshSlug("ly"), "Lyon");

        ServiceClient.Response enabled =
                client.platform("PUT", PATH.formatted(larochelle, EnergyPilotModule.MODULE_ID), null);

        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().path("enabledModules").toString()).contains(EnergyPilotModule.MODULE_ID);
        assertThat(table(larochelle)).isTrue();
        assertThat(table(lyon)).isFalse();
        assertThat(modules(lyon)).doesNotContain(EnergyPilotModule.MODULE_ID);
        assertThat(events(larochelle)).contains("MODULE_ENABLED");

        JdbcClient.create(dataSource)
                .sql("insert into " + schema(larochelle) + ".energy_reading (citizen, watt_hours) values ('c', 42)")
                .update();
        ServiceClient.Response disabled =
                client.platform("DELETE", PATH.formatted(larochelle, EnergyPilotModule.MODULE_ID), null);

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(modules(larochelle)).doesNotContain(EnergyPilotModule.MODULE_ID);
        assertThat(events(larochelle)).contains("MODULE_DISABLED");
        assertThat(JdbcClient.create(dataSource)
                        .sql("select count(*) from " + schema(larochelle) + ".energy_reading")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void switchingIsIdempotent() {
        String city = onboard(freshSlug("idem"), "Idem");
        assertThat(client.platform("PUT", PATH.formatted(city, EnergyPilotModule.MODULE_ID), null)
                        .status())
                .isEqualTo(200);
        assertThat(client.platform("PUT", PATH.formatted(city, EnergyPilotModule.MODULE_ID), null)
                        .status())
                .isEqualTo(200);
        assertThat(client.platform("DELETE", PATH.formatted(city, EnergyPilotModule.MODULE_ID), null)
                        .status())
                .isEqualTo(200);
        assertThat(client.platform("DELETE", PATH.formatted(city, EnergyPilotModule.MODULE_ID), null)
                        .status())
                .isEqualTo(200);
        assertThat(events(city).split("MODULE_ENABLED", -1)).hasSize(2);
    }

    @Test
    void anUnknownModuleOrCityIsAProblemAndChangesNothing() {
        String city = onboard(freshSlug("unk"), "Unknown module city");

        ServiceClient.Response unknownModule = client.platform("PUT", PATH.formatted(city, "no-such-module"), null);
        ServiceClient.Response unknownCity =
                client.platform("PUT", PATH.formatted("no-such-city", EnergyPilotModule.MODULE_ID), null);

        assertThat(unknownModule.status()).isEqualTo(400);
        assertThat(unknownModule.problemType()).isEqualTo("unknown-module");
        assertThat(modules(city)).isEqualTo("[]");
        assertThat(unknownCity.status()).isEqualTo(404);
        assertThat(unknownCity.problemType()).isEqualTo("unknown-tenant");
    }

    @Test
    void onlyACoordinatorSwitchesModulesAndNeverOnACityHost() {
        String city = onboard(freshSlug("role"), "Roles");

        ServiceClient.Response asCityAdmin = client.platformAs(
                identities.cityAdminToken(city), "PUT", PATH.formatted(city, EnergyPilotModule.MODULE_ID), null);
        ServiceClient.Response onCityHost = client.cityAs(
                identities.coordinatorToken(), city, "PUT", PATH.formatted(city, EnergyPilotModule.MODULE_ID), null);

        assertThat(asCityAdmin.status()).isEqualTo(403);
        assertThat(onCityHost.status()).isEqualTo(404);
        assertThat(modules(city)).isEqualTo("[]");
    }

    private String modules(String slug) {
        return client.platform("GET", "/platform/tenants/" + slug, null)
                .json()
                .path("tenant")
                .path("enabledModules")
                .toString();
    }

    private String events(String slug) {
        return client.platform("GET", "/platform/tenants/" + slug, null)
                .json()
                .path("events")
                .toString();
    }

    private boolean table(String slug) {
        return JdbcClient.create(dataSource)
                .sql("select to_regclass(?) is not null")
                .param(schema(slug) + ".energy_reading")
                .query(Boolean.class)
                .single();
    }

    private static String schema(String slug) {
        return TenantId.of(slug).schemaName();
    }
}
