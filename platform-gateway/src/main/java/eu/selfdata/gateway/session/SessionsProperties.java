package eu.selfdata.gateway.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code selfdata.sessions.*}: where browser sessions live. {@code memory} (the default, one
 * process) keeps them in the gateway's heap; {@code redis} shares them between replicas, so a browser
 * may reach any of them and a sign-out on one ends the session on all.
 *
 * @param store where sessions live
 * @param redis the shared store, read only when {@code store} is {@code redis}
 */
@Validated
@ConfigurationProperties("selfdata.sessions")
record SessionsProperties(
        @NotNull @DefaultValue("memory") Store store,
        @Valid @NotNull @DefaultValue Redis redis) {

    enum Store {
        MEMORY,
        REDIS
    }

    /**
     * @param host      the Redis server (a DNS name or an address)
     * @param port      its port
     * @param password  Redis's {@code requirepass}, from a secret (empty: none)
     * @param namespace prefix of every key the gateway writes, so one Redis may serve other tenants
     *                  of its own (never a city's value)
     * @param timeout   how long a command may take before the request fails: a hung Redis must not
     *                  hold browsers longer than one that is down
     */
    record Redis(
            @NotNull @Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9.:-]{0,252})") @DefaultValue("localhost")
            String host,

            @Min(1) @Max(65535) @DefaultValue("6379") int port,
            @NotNull @DefaultValue("") String password,

            @NotNull
            @Pattern(regexp = "[a-z][a-z0-9-]{0,39}(:[a-z][a-z0-9-]{0,39}){0,4}")
            @DefaultValue("selfdata:gateway:sessions")
            String namespace,

            @NotNull @DefaultValue("2s") Duration timeout) {

        Redis {
            if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 60)) {
                throw new IllegalArgumentException("selfdata.sessions.redis.timeout must be within (0, 60s]");
            }
        }

        /** Never the password, so that a logged or described configuration carries no secret. */
        @Override
        public String toString() {
            return "Redis[host=%s, port=%d, password=%s, namespace=%s, timeout=%s]"
                    .formatted(host, port, password.isEmpty() ? "none" : "******", namespace, timeout);
        }
    }
}
