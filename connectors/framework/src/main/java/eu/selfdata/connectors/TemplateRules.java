package eu.selfdata.connectors;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.model.DynamicRouterDefinition;
import org.apache.camel.model.EnrichDefinition;
import org.apache.camel.model.PollEnrichDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RecipientListDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RoutingSlipDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.ToDynamicDefinition;

/**
 * What every connector template's route must look like, checked when Camel builds it (so a template
 * written tomorrow is checked too): its only parameter is the city, it consumes from the source
 * the host registers, and every endpoint it sends to is constant text without placeholders. No
 * EIP that picks an endpoint from message content (toD, recipient list, routing slip, dynamic
 * router, enrich) is allowed: typed setting values reach endpoints as objects, never as URI text.
 */
final class TemplateRules {

    private TemplateRules() {}

    /** @throws IllegalStateException naming the template and what breaks the rules */
    static void check(String templateId, RouteTemplateDefinition template) {
        List<String> broken = new ArrayList<>();
        List<String> parameters =
                template.getTemplateParameters().stream().map(p -> p.getName()).toList();
        if (!parameters.equals(List.of(ConnectorTemplate.CITY_PARAMETER))) {
            broken.add("parameters " + parameters + " (only '" + ConnectorTemplate.CITY_PARAMETER + "' is allowed)");
        }
        String input = template.getRoute().getInput().getUri();
        if (!input.equals(ConnectorTemplate.sourceUri("{{" + ConnectorTemplate.CITY_PARAMETER + "}}", templateId))) {
            broken.add("source " + input + " (the host registers the source endpoint)");
        }
        template.getRoute().getOutputs().forEach(output -> walk(output, broken));
        if (!broken.isEmpty()) {
            throw new IllegalStateException(
                    "connector template " + templateId + " breaks the template rules: " + broken);
        }
    }

    private static void walk(ProcessorDefinition<?> node, List<String> broken) {
        if (node instanceof ToDynamicDefinition
                || node instanceof RecipientListDefinition
                || node instanceof RoutingSlipDefinition
                || node instanceof DynamicRouterDefinition
                || node instanceof EnrichDefinition
                || node instanceof PollEnrichDefinition) {
            broken.add(node.getShortName() + " (an endpoint chosen at run time)");
        }
        if (node instanceof SendDefinition<?> send
                && send.getEndpointUri() != null
                && send.getEndpointUri().contains("{{")) {
            broken.add(node.getShortName() + " " + send.getEndpointUri() + " (a placeholder in an endpoint)");
        }
        node.getOutputs().forEach(output -> walk(output, broken));
    }
}
