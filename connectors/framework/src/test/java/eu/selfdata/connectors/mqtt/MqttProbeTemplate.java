package eu.selfdata.connectors.mqtt;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.settings.Secret;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingTypes;
import eu.selfdata.connectors.settings.TopicFilter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Endpoint;
import org.apache.camel.model.RouteDefinition;

/** A city's import of {@code {city}/readings/+}: {@code ok} goes through, anything else fails with its text. */
class MqttProbeTemplate extends ConnectorTemplate {

    static final String ID = "mqtt-probe";
    static final String MODULE = "mqtt-probe";
    static final Setting<Secret> BROKER_PASSWORD =
            Setting.required(MqttSource.PASSWORD_SETTING, SettingTypes.secret(), "Mot de passe MQTT", "MQTT password");

    private final MqttSource mqtt;

    MqttProbeTemplate(MqttSource mqtt) {
        this.mqtt = mqtt;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return MODULE;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(BROKER_PASSWORD);
    }

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
        return mqtt.endpoint(getContext(), instance.city(), ID, new TopicFilter("readings/+"));
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.process(exchange -> {
            String text = new String(exchange.getIn().getBody(byte[].class), StandardCharsets.UTF_8);
            if (!text.startsWith("ok")) {
                throw new IllegalArgumentException(text);
            }
        });
    }
}
