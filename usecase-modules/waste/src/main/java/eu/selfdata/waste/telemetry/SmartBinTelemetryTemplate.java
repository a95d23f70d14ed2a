package eu.selfdata.waste.telemetry;

import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.mqtt.MqttSource;
import eu.selfdata.connectors.mqtt.TopicFilter;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code waste-bin-telemetry}: one MQTT subscription per city on {@code {city}/bins/+/fill}
 * (QoS 1, persistent session, the city's account: {@link MqttSource}), payload
 * {@code {"fill": 85, "temperature": 21.5, "measuredAt": "2026-03-02T07:15:00Z"}}. A reading is stored once per bin and instant, so a message
 * the broker delivers again adds nothing; an unreadable one is dead-lettered and acknowledged.
 */
public class SmartBinTelemetryTemplate extends ConnectorTemplate {

    public static final String ID = "waste-bin-telemetry";
    private static final TopicFilter FILL = new TopicFilter("bins/+/fill");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FillReadings readings;
    private final MqttSource mqtt;

    public SmartBinTelemetryTemplate(FillReadings readings, MqttSource mqtt) {
        this.readings = readings;
        this.mqtt = mqtt;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return "waste";
    }

    /** Broker, topic and client id are the platform's, not the city's. */
    @Override
    public Map<String, String> defaults(String city) {
        return Map.of();
    }

    @Override
    protected List<Class<? extends Exception>> permanentFailures() {
        return List.of(IllegalArgumentException.class);
    }

    /** Each city's route consumes from its own endpoint, built in code and registered as the route is created. */
    @Override
    protected RouteDefinition source(RouteTemplateDefinition template) {
        template.configure(route -> {
            Endpoint endpoint = mqtt.endpoint(route.getCamelContext(), route.getProperty(CITY_PARAMETER, String.class), ID, FILL);
            try {
                route.getCamelContext().addEndpoint(endpoint.getEndpointUri(), endpoint);
            } catch (Exception e) {
                throw RuntimeCamelException.wrapRuntimeCamelException(e);
            }
        });
        return template.from(MqttSource.uri("{{" + CITY_PARAMETER + "}}", ID));
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.process(this::store);
    }

    private void store(Exchange exchange) {
        String city = exchange.getIn().getHeader(CITY, String.class);
        String topic = exchange.getIn().getHeader(SOURCE, String.class);
        byte[] payload = exchange.getIn().getBody(byte[].class);
        String text = new String(payload, StandardCharsets.UTF_8);
        exchange.getIn().setHeader(RECORD, text);
        exchange.getIn().setHeader(SOURCE_KEY, "sha256:" + sha256(topic + "\n" + text));
        readings.store(city, parse(topic, text));
    }

    static FillReading parse(String topic, String payload) {
        String[] levels = topic.split("/");
        if (levels.length != 4 || !"bins".equals(levels[1]) || !"fill".equals(levels[3])) {
            throw new IllegalArgumentException("topic " + topic + " is not {city}/bins/{bin id}/fill");
        }
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("payload is not JSON: " + e.getOriginalMessage());
        }
        if (!json.path("fill").isNumber() || !json.path("measuredAt").isString()) {
            throw new IllegalArgumentException("payload needs a numeric 'fill' and a 'measuredAt' instant");
        }
        Instant measuredAt;
        try {
            measuredAt = Instant.parse(json.path("measuredAt").asString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("measuredAt '" + json.path("measuredAt").asString() + "' is not an ISO 8601 instant");
        }
        BigDecimal temperature = json.path("temperature").isNumber() ? json.path("temperature").decimalValue() : null;
        return new FillReading(levels[2], measuredAt, json.path("fill").asInt(), temperature);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
