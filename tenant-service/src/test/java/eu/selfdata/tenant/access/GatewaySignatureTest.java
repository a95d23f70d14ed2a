package eu.selfdata.tenant.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class GatewaySignatureTest {

    private static final String SECRET = "change-me-in-tests-0123456789abcdef";

    private final AtomicLong now = new AtomicLong(1_700_000_000L);
    private final GatewaySignature signature = new GatewaySignature(SECRET, new Clock() {
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
            return Instant.ofEpochSecond(now.get());
        }
    });

    @Test
    void verifiesTheGatewaysVectorAgainAndAgainButOnlyForItsTenant() {
        // the gateway's TenantHeaderSignerTest vector
        String header = "1700000000.VqWetVJz2c7IOM_MsMmUHrfB8hBCqQ97Ntjtw7onPfk";

        assertThat(signature.verifies(header, "larochelle")).isTrue();
        assertThat(signature.verifies(header, "larochelle")).isTrue();
        assertThat(signature.verifies(header, "lyon")).isFalse();
        assertThat(signature.verifies(header, "")).isFalse();
    }

    @Test
    void aVerifiedHeaderExpiresAndATamperedOneNeverPasses() {
        String header = signature.sign("larochelle");
        assertThat(signature.verifies(header, "larochelle")).isTrue();
        String tampered = header.substring(0, header.length() - 2) + (header.endsWith("AA") ? "BB" : "AA");

        assertThat(signature.verifies(tampered, "larochelle")).isFalse();
        now.addAndGet(301);
        assertThat(signature.verifies(header, "larochelle")).isFalse();
    }
}
