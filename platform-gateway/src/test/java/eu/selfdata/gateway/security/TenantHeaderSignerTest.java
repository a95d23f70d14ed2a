package eu.selfdata.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Fixed vectors, computed with openssl, that downstream verifiers can reuse. */
class TenantHeaderSignerTest {

    private final TenantHeaderSigner signer = new TenantHeaderSigner("change-me-in-tests-0123456789abcdef",
            Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));

    @Test
    void signsTheSlugWithTheEpochSecondsAsBase64UrlWithoutPadding() {
        assertThat(signer.sign("larochelle")).isEqualTo("1700000000.VqWetVJz2c7IOM_MsMmUHrfB8hBCqQ97Ntjtw7onPfk");
    }

    @Test
    void signsTheEmptyTenantOnThePlatformHost() {
        assertThat(signer.sign("")).isEqualTo("1700000000.01t0BRTOJAGmEIuK6Hp3WjOCQZ1HTfL0yAuP-KTYwHg");
    }
}
