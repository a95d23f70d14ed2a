package eu.selfdata.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MqttRoleTest {

    @Test
    void unsetTheRoleFollowsTheUrlSoExistingConfigurationsKeepTheirMeaning() {
        assertThat(MqttRole.of(null, null)).isEqualTo(MqttRole.EMBEDDED);
        assertThat(MqttRole.of(null, " ")).isEqualTo(MqttRole.EMBEDDED);
        assertThat(MqttRole.of(null, "ssl://mqtt:8883")).isEqualTo(MqttRole.CLIENT);
    }

    @Test
    void onlyAClientConnectsToAUrlAndAClientNeedsOne() {
        assertThat(MqttRole.of(MqttRole.CLIENT, "ssl://mqtt:8883").startsBroker())
                .isFalse();
        assertThat(MqttRole.of(MqttRole.BROKER, "").startsBroker()).isTrue();
        assertThatThrownBy(() -> MqttRole.of(MqttRole.CLIENT, ""))
                .hasMessageContaining("role=client needs selfdata.connectors.mqtt.url");
        assertThatThrownBy(() -> MqttRole.of(MqttRole.BROKER, "ssl://mqtt:8883"))
                .hasMessageContaining("role=broker runs the broker here");
        assertThatThrownBy(() -> MqttRole.of(MqttRole.EMBEDDED, "tcp://mqtt:1883"))
                .hasMessageContaining("role=embedded runs the broker here");
    }
}
