package eu.selfdata.connectors.mqtt;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@link MqttRole} is {@code embedded} or {@code broker}: a client host never builds a broker. */
class RunsBrokerHere extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        MqttRole role = MqttRole.of(
                binder.bind("selfdata.connectors.mqtt.role", MqttRole.class).orElse(null),
                binder.bind("selfdata.connectors.mqtt.url", String.class).orElse(null));
        return role.startsBroker()
                ? ConditionOutcome.match("MQTT role " + role + " runs the broker here")
                : ConditionOutcome.noMatch("MQTT role " + role + " connects to selfdata.connectors.mqtt.url");
    }
}
