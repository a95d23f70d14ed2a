package eu.selfdata.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.connectors.settings.SecretBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MqttClientIdTest {

    @Test
    void thePlatformsClientIdNamesTheCityAndTheTemplateAndAnUnguessableTag() {
        SecretBox key = new SecretBox("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        SecretBox another = new SecretBox("HxwdHh8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRo=");
        String tag = key.tag("mqtt-client-id", "lyon-sud/waste-bin-telemetry");

        assertThat(MqttClientId.platform("lyon-sud", "waste-bin-telemetry", tag).value())
                .matches("lyon-sud_selfdata-waste-bin-telemetry-[0-9a-f]{16}");
        assertThat(key.tag("mqtt-client-id", "lyon-sud/waste-bin-telemetry"))
                .as("stable across restarts")
                .isEqualTo(tag);
        assertThat(another.tag("mqtt-client-id", "lyon-sud/waste-bin-telemetry"))
                .as("another key, another tag")
                .isNotEqualTo(tag);
        assertThat(key.tag("mqtt-client-id", "lyon/waste-bin-telemetry"))
                .as("another city, another tag")
                .isNotEqualTo(tag);
        assertThat(key.tag("other-purpose", "lyon-sud/waste-bin-telemetry")).isNotEqualTo(tag);
    }

    @Test
    void aClientIdBelongsToTheCityBeforeTheFirstUnderscoreOnly() {
        assertThat(MqttClientId.parse("lyon-sud_sensor_7")).hasValueSatisfying(id -> {
            assertThat(id.city()).isEqualTo("lyon-sud");
            assertThat(id.name()).isEqualTo("sensor_7");
        });
        // With '-' as the separator, lyon would own lyon-sud's ids; '_' cannot be in a slug.
        assertThat(MqttClientId.parse("lyon-sud_sensor").map(MqttClientId::city))
                .contains("lyon-sud");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "lyon",
                "lyon_",
                "_sensor",
                "selfdata-lyon-sud-bins",
                "Lyon_sensor",
                "lyon_sen sor",
                "lyon_sensor/#",
                "lyon_sensor::queue",
                "l_sensor"
            })
    void aClientIdNotOfTheFormCityUnderscoreNameBelongsToNoCity(String clientId) {
        assertThat(MqttClientId.parse(clientId)).isEmpty();
    }

    @Test
    void aClientIdIsBuiltFromASlugAndASafeName() {
        assertThatThrownBy(() -> new MqttClientId("lyon", "a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MqttClientId("Lyon", "ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MqttClientId("lyon", "x".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
