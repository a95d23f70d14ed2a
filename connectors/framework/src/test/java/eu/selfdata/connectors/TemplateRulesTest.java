package eu.selfdata.connectors;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.connectors.settings.Setting;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.Builder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

/** A template that would pick an endpoint from message content or placeholders is refused when Camel builds it. */
class TemplateRulesTest {

    @Test
    void aTemplateOfConstantEndpointsIsAccepted() {
        assertThatCode(() -> build(route ->
                        route.to("log:connector").setHeader(ConnectorTemplate.SOURCE, Builder.header("CamelFileName"))))
                .doesNotThrowAnyException();
    }

    @Test
    void endpointsChosenAtRunTimeAreRefused() {
        List<Consumer<RouteDefinition>> rogues = List.of(
                route -> route.toD("http://${header.SelfdataSource}"),
                route -> route.recipientList(Builder.header("target")),
                route -> route.routingSlip(Builder.header("slip")),
                route -> route.enrich("http://data.example"),
                route -> route.pollEnrich("file:/var/spool"),
                route -> route.wireTap("log:${header.x}"),
                route -> route.to("http://{{selfdata.upstream}}/x"));
        for (Consumer<RouteDefinition> rogue : rogues) {
            assertThatThrownBy(() -> build(rogue)).hasStackTraceContaining("breaks the template rules");
        }
    }

    private static void build(Consumer<RouteDefinition> steps) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new ConnectorTemplate() {
                @Override
                public String id() {
                    return "rules-probe";
                }

                @Override
                public String moduleId() {
                    return "probe";
                }

                @Override
                public List<Setting<?>> settings() {
                    return List.of();
                }

                @Override
                protected Endpoint source(ConnectorInstance instance, String uri) {
                    throw new UnsupportedOperationException("never started");
                }

                @Override
                protected void steps(RouteDefinition route) {
                    steps.accept(route);
                }
            });
        }
    }
}
