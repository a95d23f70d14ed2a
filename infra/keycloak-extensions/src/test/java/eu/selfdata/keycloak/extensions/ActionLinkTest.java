package eu.selfdata.keycloak.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ActionLinkTest {

    @Test
    void theCityOfAnActionLinkIsTheClientItsTokenWasIssuedFor() {
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"azp\":\"portal-lyon\",\"typ\":\"verify-email\"}".getBytes(StandardCharsets.UTF_8));
        String link = "http://localhost:8180/realms/selfdata/login-actions/action-token?key=eyJhbGciOiJIUzUxMiJ9."
                + payload + ".c2lnbmF0dXJl&client_id=ignored";

        assertThat(ActionLink.issuedFor(link)).contains("portal-lyon");
    }

    @Test
    void aLinkWithoutATokenNamesNoCity() {
        assertThat(ActionLink.issuedFor("http://localhost/realms/selfdata/account"))
                .isEmpty();
        assertThat(ActionLink.issuedFor("http://localhost/x?key=not-a-token")).isEmpty();
        assertThat(ActionLink.issuedFor("::: not a uri")).isEmpty();
        assertThat(ActionLink.issuedFor(null)).isEmpty();
    }
}
