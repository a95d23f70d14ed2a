package eu.selfdata.connectors.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttClientIdTest {

    @Test
    void thePlatformsClientIdNamesTheCityAndTheTemplate() {
        assertThat(MqttClientId.platform("lyon-sud", "waste-bin-telemetry").value())
                .isEqualTo("lyon-sud_selfdata-waste-bin-telemetry");
    }

    @Test
    void aClientIdBelongsToTheCityBeforeTheFirstUnderscoreOnly() {
        assertThat(MqttClientId.parse("lyon-sud_sensor_7")).hasValueSatisfying(id -> {
            assertThat(id.city()).isEqualTo("lyon-sud");
            assertThat(id.name()).isEqualTo("sensor_7");
        });
        // With '-' as the separator, lyon would own lyon-sud's ids; '_' cannot be in a slug.
        assertThat(MqttClientId.parse("lyon-sud_sensor").map(MqttClientId::city)).contains("lyon-sud");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lyon", "lyon_", "_sensor", "selfdata-lyon-sud-bins", "Lyon_sensor", "lyon_sen sor",
            "lyon_sensor/#", "lyon_sensor::queue", "l_sensor"})
    void aClientIdNotOfTheFormCityUnderscoreNameBelongsToNoCity(String clientId) {
        assertThat(MqttClientId.parse(clientId)).isEmpty();
    }

    @Test
    void aClientIdIsBuiltFromASlugAndASafeName() {
        assertThatThrownBy(() -> new MqttClientId("lyon", "a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MqttClientId("Lyon", "ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MqttClientId("lyon", "x".repeat(101))).isInstanceOf(IllegalArgumentException.class);
    }
}
