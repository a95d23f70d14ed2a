package eu.selfdata.connectors;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.component.properties.PropertiesFunctionResolver;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/**
 * Defence in depth for Camel's property placeholders, which every endpoint URI goes through: no
 * nested placeholders (a value resolving to {@code {{…}}} stays literal) and no functions
 * ({@code env:}, {@code sys:}, {@code service:}, nor any found on the classpath), so even a value
 * that reached a URI by mistake could not read the environment or the platform's properties.
 * Connector settings never reach URI text in the first place (see {@link ConnectorTemplate}).
 */
class PlaceholderHardening implements CamelContextConfiguration {

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        PropertiesComponent properties = (PropertiesComponent) camel.getPropertiesComponent();
        properties.setNestedPlaceholder(false);
        properties.setPropertiesFunctionResolver(new NoFunctions());
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // Nothing after start.
    }

    /** A resolver that knows no function and learns none. */
    private static final class NoFunctions implements PropertiesFunctionResolver {

        @Override
        public void addPropertiesFunction(PropertiesFunction function) {
            throw new UnsupportedOperationException(
                    "property functions are off on this platform: " + function.getName());
        }

        @Override
        public Map<String, PropertiesFunction> getFunctions() {
            return Map.of();
        }

        @Override
        public boolean hasFunction(String name) {
            return false;
        }

        @Override
        public PropertiesFunction resolvePropertiesFunction(String name) {
            return null;
        }
    }
}
