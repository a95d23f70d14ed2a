package eu.selfdata.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j, in this gateway's memory) keyed by city, limit and who asks. The key holds the limit's
 * value too, so a city whose coordinator changes it gets fresh buckets at once. At most
 * {@value #MAX_BUCKETS} buckets, each dropped after two idle hours (longer than any period): memory stays bounded
 * whatever a flood of addresses does. Several gateway replicas each count on their own (a client spread over n
 * replicas gets up to n times the limit), which bounds floods without a shared store on the request path.
 */
@Component
class RateLimiter {

    static final int MAX_BUCKETS = 200_000;

    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    /** What is counted: one city, one kind of limit, one address or account. */
    record Key(String city, Limit limit, String who, int perPeriod) {}

    enum Limit {
        API_PER_ADDRESS(Duration.ofMinutes(1)),
        API_PER_ACCOUNT(Duration.ofMinutes(1)),
        SIGN_IN_PER_ADDRESS(Duration.ofMinutes(1)),
        UPLOAD_PER_ACCOUNT(Duration.ofHours(1));

        final Duration period;

        Limit(Duration period) {
            this.period = period;
        }
    }

    /** Takes one token; empty when it was there, else how long until one is. */
    Optional<Duration> take(Key key) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(k.perPeriod())
                                .refillGreedy(k.perPeriod(), k.limit().period)
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
