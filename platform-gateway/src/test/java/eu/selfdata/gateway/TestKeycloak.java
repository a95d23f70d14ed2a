package eu.selfdata.gateway;

import java.net.URI;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Keycloak the {@code *IT} tests run against. {@code SELFDATA_TEST_KEYCLOAK_URL} (or the
 * system property {@code selfdata.test.keycloak-url}), e.g. {@code http://localhost:8180}, names one
 * that is already running with the {@code selfdata} realm imported: it is reused, never stopped, and
 * administered with {@code SELFDATA_TEST_KEYCLOAK_ADMIN_USERNAME} / {@code _PASSWORD} (default
 * admin/admin). Without it, one server is started for the whole test JVM.
 */
final class TestKeycloak {

    static final String REALM = "selfdata";

    private static TestKeycloak shared;

    private final URI baseUrl;
    private final String adminUsername;
    private final String adminPassword;

    private TestKeycloak(URI baseUrl, String adminUsername, String adminPassword) {
        this.baseUrl = baseUrl;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    static synchronized TestKeycloak shared() {
        if (shared == null) {
            String url = setting("SELFDATA_TEST_KEYCLOAK_URL", "selfdata.test.keycloak-url", null);
            Assumptions.assumeTrue(url != null,
                    "no Keycloak for this test: set SELFDATA_TEST_KEYCLOAK_URL to a running one with the selfdata realm");
            shared = new TestKeycloak(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                    setting("SELFDATA_TEST_KEYCLOAK_ADMIN_USERNAME", "selfdata.test.keycloak-admin-username", "admin"),
                    setting("SELFDATA_TEST_KEYCLOAK_ADMIN_PASSWORD", "selfdata.test.keycloak-admin-password", "admin"));
        }
        return shared;
    }

    String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    RealmAdmin admin() {
        return new RealmAdmin(baseUrl, REALM, adminUsername, adminPassword);
    }

    private static String setting(String variable, String property, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? fallback : value;
    }
}
