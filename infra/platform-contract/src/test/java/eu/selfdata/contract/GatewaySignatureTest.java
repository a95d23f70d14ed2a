package eu.selfdata.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Fixed vectors, computed with openssl, pin the wire format the gateway and the services share. */
class GatewaySignatureTest {

    private static final String SECRET = "change-me-in-tests-0123456789abcdef";
    private static final String LA_ROCHELLE_AT_1700000000 = "1700000000.VqWetVJz2c7IOM_MsMmUHrfB8hBCqQ97Ntjtw7onPfk";
    private static final String PLATFORM_AT_1700000000 = "1700000000.01t0BRTOJAGmEIuK6Hp3WjOCQZ1HTfL0yAuP-KTYwHg";

    private final AtomicLong now = new AtomicLong(1_700_000_000L);
    private final GatewaySignature signature = new GatewaySignature(SECRET, new MovableClock(now));

    @Test
    void signsTheSlugWithTheEpochSecondsAsBase64UrlWithoutPadding() {
        assertThat(signature.sign("larochelle")).isEqualTo(LA_ROCHELLE_AT_1700000000);
        assertThat(signature.sign("")).isEqualTo(PLATFORM_AT_1700000000);
    }

    @Test
    void verifiesTheVectorAgainAndAgainButOnlyForItsTenant() {
        assertThat(signature.verifies(LA_ROCHELLE_AT_1700000000, "larochelle")).isTrue();
        // the second time from the verifier's memory: still only for its tenant
        assertThat(signature.verifies(LA_ROCHELLE_AT_1700000000, "larochelle")).isTrue();
        assertThat(signature.verifies(LA_ROCHELLE_AT_1700000000, "lyon")).isFalse();
        assertThat(signature.verifies(LA_ROCHELLE_AT_1700000000, "")).isFalse();
        assertThat(signature.verifies(PLATFORM_AT_1700000000, "")).isTrue();
    }

    @Test
    void aSignatureHoldsFiveMinutesEitherSideOfTheVerifiersClock() {
        String header = signature.sign("larochelle");
        assertThat(signature.verifies(header, "larochelle")).isTrue();

        now.addAndGet(300);
        assertThat(signature.verifies(header, "larochelle")).isTrue();
        now.addAndGet(1);
        assertThat(signature.verifies(header, "larochelle"))
                .as("remembered, yet expired")
                .isFalse();

        now.set(1_700_000_000L - 301);
        assertThat(signature.verifies(header, "larochelle"))
                .as("from a clock ahead of ours")
                .isFalse();
        now.set(1_700_000_000L - 300);
        assertThat(signature.verifies(header, "larochelle")).isTrue();
    }

    @Test
    void aTamperedOrMalformedHeaderNeverPasses() {
        String header = signature.sign("larochelle");
        assertThat(signature.verifies(header, "larochelle")).isTrue();
        String tamperedMac = header.substring(0, header.length() - 2) + (header.endsWith("AA") ? "BB" : "AA");
        String tamperedTime = "1700000001" + header.substring(header.indexOf('.'));

        assertThat(signature.verifies(tamperedMac, "larochelle")).isFalse();
        assertThat(signature.verifies(tamperedTime, "larochelle")).isFalse();
        assertThat(signature.verifies(null, "larochelle")).isFalse();
        assertThat(signature.verifies("garbage", "larochelle")).isFalse();
        assertThat(signature.verifies(".abc", "larochelle")).isFalse();
        assertThat(signature.verifies("x.abc", "larochelle")).isFalse();
        assertThat(signature.verifies("1700000000.not*base64", "larochelle")).isFalse();
        assertThat(signature.verifies(LA_ROCHELLE_AT_1700000000, "larochelle"))
                .as("the genuine one still passes")
                .isTrue();
    }

    @Test
    void anotherSecretMakesAnotherSignature() {
        GatewaySignature other = new GatewaySignature("another-secret-0123456789", new MovableClock(now));
        assertThat(other.verifies(signature.sign("larochelle"), "larochelle")).isFalse();
    }

    @Test
    void aSignatureIsReusedOnlyForItsTenantAndSecond() {
        GatewaySignature live = new GatewaySignature(SECRET, Clock.systemUTC());
        String first = live.sign("larochelle");
        assertThat(live.sign("")).isNotEqualTo(first);

        // the next second gets its own signature, the one a signer fixed at that second computes
        await().atMost(Duration.ofSeconds(3))
                .until(() -> !live.sign("larochelle").equals(first));
        String next = live.sign("larochelle");
        long second = Long.parseLong(next.substring(0, next.indexOf('.')));
        assertThat(next)
                .isEqualTo(new GatewaySignature(SECRET, Clock.fixed(Instant.ofEpochSecond(second), ZoneOffset.UTC))
                        .sign("larochelle"));
    }

    @Test
    void refusesAMissingOrShortSecret() {
        for (String secret : new String[] {null, "", "                ", "fifteen-chars!!"}) {
            assertThatThrownBy(() -> new GatewaySignature(secret, Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("selfdata.gateway.secret");
        }
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private final AtomicLong epochSeconds;

        MovableClock(AtomicLong epochSeconds) {
            this.epochSeconds = epochSeconds;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(epochSeconds.get());
        }
    }
}
