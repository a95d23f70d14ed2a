package eu.selfdata.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthMessageTest {

    @Test
    void identifiersAndAddressesAreMaskedWhereverTheyStand() {
        HealthMessage message = new HealthMessage(
                "cannot read 3F2504E0-4F89-11D3-9A0C-0305E82C3301_broken.gpx from <lucie.durand+traces@mairie.example>");

        assertThat(message.text()).isEqualTo("cannot read [id]_broken.gpx from <[e-mail]>");
    }

    @Test
    void aLongMessageIsCutToTheColumnsLength() {
        assertThat(new HealthMessage("x".repeat(5_000)).text()).hasSize(HealthMessage.MAX_LENGTH);
    }

    @Test
    void theRootCauseIsKept() {
        assertThat(HealthMessage.of(new IllegalStateException("poll failed", new java.io.IOException("refused")))
                        .text())
                .isEqualTo("IllegalStateException: poll failed (IOException: refused)");
    }
}
