package eu.selfdata.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Fixed vectors, computed with openssl, that downstream verifiers can reuse. */
class TenantHeaderSignerTest {

    private static final String SECRET = "change-me-in-tests-0123456789abcdef";

    private final TenantHeaderSigner signer = new TenantHeaderSigner(SECRET, at(1_700_000_000L));

    @Test
    void signsTheSlugWithTheEpochSecondsAsBase64UrlWithoutPadding() {
        assertThat(signer.sign("larochelle")).isEqualTo("1700000000.VqWetVJz2c7IOM_MsMmUHrfB8hBCqQ97Ntjtw7onPfk");
    }

    @Test
    void signsTheEmptyTenantOnThePlatformHost() {
        assertThat(signer.sign("")).isEqualTo("1700000000.01t0BRTOJAGmEIuK6Hp3WjOCQZ1HTfL0yAuP-KTYwHg");
    }

    @Test
    void aSignatureIsReusedOnlyForItsTenantAndSecond() {
        TenantHeaderSigner live = new TenantHeaderSigner(SECRET, Clock.systemUTC());
        String first = live.sign("larochelle");
        assertThat(live.sign("")).isNotEqualTo(first);

        // the next second gets its own signature, the one a signer fixed at that second computes
        await().atMost(Duration.ofSeconds(3)).until(() -> !live.sign("larochelle").equals(first));
        String next = live.sign("larochelle");
        long second = Long.parseLong(next.substring(0, next.indexOf('.')));
        assertThat(next).isEqualTo(new TenantHeaderSigner(SECRET, at(second)).sign("larochelle"));
    }

    private static Clock at(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }
}
