package eu.selfdata.keycloak.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CityPortalClientTest {

    @Test
    void portalClientNamesItsCity() {
        assertThat(CityPortalClient.of("portal-larochelle")).contains(new CityPortalClient("larochelle"));
        assertThat(CityPortalClient.of("portal-saint-malo2")).contains(new CityPortalClient("saint-malo2"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "platform-console",
                "tenant-service",
                "portal-",
                "portal-x",
                "portal-Lyon",
                "portal-9lyon",
                "portal-lyon/../x",
                "xportal-lyon",
                "portal-aaaaaaaaaabbbbbbbbbbccccccccccdddddddddde"
            })
    void otherClientsNameNoCity(String clientId) {
        assertThat(CityPortalClient.of(clientId)).isEmpty();
    }
}
