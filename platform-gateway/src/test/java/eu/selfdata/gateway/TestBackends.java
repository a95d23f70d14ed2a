package eu.selfdata.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The gateway's backends for one test class: tenant-service, governance and a stand-in realm. */
record TestBackends(FakeUpstream tenantService, FakeUpstream governance, FakeIssuer keycloak) implements AutoCloseable {

    static TestBackends start() {
        return new TestBackends(
                FakeUpstream.start("tenant-service"), FakeUpstream.start("governance"), FakeIssuer.start());
    }

    TestBackends withTenant(String slug, String status, String... customDomains) {
        tenantService.putTenant(slug, status, customDomains);
        return this;
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("selfdata.routes.tenant-service-uri", tenantService::uri);
        registry.add("selfdata.routes.governance-uri", governance::uri);
        registry.add("selfdata.identity.issuer-uri", keycloak::issuer);
    }

    @Override
    public void close() {
        tenantService.close();
        governance.close();
        keycloak.close();
    }
}
