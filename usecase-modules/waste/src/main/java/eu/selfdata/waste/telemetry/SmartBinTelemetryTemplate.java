package eu.selfdata.waste.telemetry;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.mqtt.MqttSource;
import eu.selfdata.connectors.settings.Secret;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingTypes;
import eu.selfdata.connectors.settings.TopicFilter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.model.RouteDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code waste-bin-telemetry}: one MQTT subscription per city on {@code {city}/bins/+/fill}
 * (QoS 1, persistent session, the city's account: {@link MqttSource}), payload
 * {@code {"fill": 85, "temperature": 21.5, "measuredAt": "2026-03-02T07:15:00Z"}}. A reading is stored once per bin and instant, so a message
 * the broker delivers again adds nothing; an unreadable one is dead-lettered and acknowledged.
 */
public class SmartBinTelemetryTemplate extends ConnectorTemplate {

    public static final String ID = "waste-bin-telemetry";
    static final Setting<TopicFilter> TOPIC = Setting.of(
            "topic",
            SettingTypes.topicFilter(),
            new TopicFilter("bins/+/fill"),
            "Sujet MQTT (sous celui de la ville)",
            "MQTT topic filter (under the city's)");
    /** The city's broker account: username = the city's slug; the platform's subscription and the sensors share it. */
    public static final Setting<Secret> BROKER_PASSWORD = Setting.required(
            MqttSource.PASSWORD_SETTING,
            SettingTypes.secret(),
            "Mot de passe du compte MQTT de la ville",
            "Password of the city's MQTT account");

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

    /** Broker and client id are the platform's; the topic filter is always under the city's tree. */
    @Override
    public List<Setting<?>> settings() {
        return List.of(TOPIC, BROKER_PASSWORD);
    }

    /** Off until the city admin sets the city's broker password (its sensors use the same account). */
    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    protected List<Class<? extends Exception>> permanentFailures() {
        return List.of(IllegalArgumentException.class);
    }

    @Override
    protected Endpoint source(ConnectorInstance instance, String uri) {
        return mqtt.endpoint(getContext(), instance.city(), ID, instance.get(TOPIC));
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.process(this::store);
    }

    private void store(Exchange exchange) {
        String city = instance(exchange).city();
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
            throw new IllegalArgumentException(
                    "measuredAt '" + json.path("measuredAt").asString() + "' is not an ISO 8601 instant");
        }
        BigDecimal temperature =
                json.path("temperature").isNumber() ? json.path("temperature").decimalValue() : null;
        return new FillReading(levels[2], measuredAt, json.path("fill").asInt(), temperature);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
