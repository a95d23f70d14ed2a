package eu.selfdata.connectors;

import eu.selfdata.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What every connector host a test starts shares: the test PostgreSQL, no web server, a platform key, no timed reconciliation. */
public final class TestHostProperties {

    private TestHostProperties() {}

    /** @param name the host's Camel name (two hosts in one JVM need two) */
    public static Map<String, Object> of(String name, Path dropDirectory) {
        Map<String, Object> properties = new HashMap<>(TestPostgres.springDatasourceProperties());
        properties.put("spring.main.web-application-type", "none");
        properties.put("selfdata.connectors.secret-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        properties.put("selfdata.connectors.drop-directory", dropDirectory.toString());
        properties.put("selfdata.connectors.reconcile-interval", "1h");
        properties.put("camel.main.name", name);
        return properties;
    }
}
