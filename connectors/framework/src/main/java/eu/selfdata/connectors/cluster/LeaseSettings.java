package eu.selfdata.connectors.cluster;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code selfdata.connectors.lease.*}: how {@code cluster=kubernetes} elects over Leases. The timings keep
 * fabric8's rules (duration &gt; renew deadline &gt; 2.2 × retry period) and one of their own: a leader that
 * can no longer renew gives its groups up (renew deadline, plus one retry period for the last attempt and one
 * for its request to time out) before any other replica may take the Lease, as long as clocks agree.
 *
 * @param namespace     where the Leases live; blank: {@code POD_NAMESPACE}, else the client's namespace
 * @param duration      how long a Lease holds without renewal (15 s)
 * @param renewDeadline how long a leader keeps trying to renew before it gives its groups up (10 s)
 * @param retryPeriod   how often candidates try and leaders renew; also each request's timeout (2 s)
 * @param identity      this replica in the Leases' {@code holderIdentity}; blank: {@code POD_NAME}, else
 *                      {@code HOSTNAME}, else the JVM's name
 * @param prefix        first part of every Lease name, so that two releases in one namespace never share one
 */
public record LeaseSettings(
        String namespace,
        Duration duration,
        Duration renewDeadline,
        Duration retryPeriod,
        String identity,
        String prefix) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,252}");
    private static final Duration LONGEST = Duration.ofMinutes(5);
    private static final Duration SHORTEST_RETRY = Duration.ofMillis(100);

    public LeaseSettings {
        namespace = blankToNull(namespace);
        identity = blankToNull(identity);
        duration = duration == null ? Duration.ofSeconds(15) : duration;
        renewDeadline = renewDeadline == null ? Duration.ofSeconds(10) : renewDeadline;
        retryPeriod = retryPeriod == null ? Duration.ofSeconds(2) : retryPeriod;
        prefix = prefix == null || prefix.isBlank() ? "selfdata" : prefix;
        if (namespace != null
                && (namespace.length() > 63 || !LABEL.matcher(namespace).matches())) {
            throw new IllegalArgumentException("selfdata.connectors.lease.namespace must be a Kubernetes namespace");
        }
        if (identity != null && !IDENTITY.matcher(identity).matches()) {
            throw new IllegalArgumentException(
                    "selfdata.connectors.lease.identity: up to 253 letters, digits and . _ @ : -");
        }
        if (prefix.length() > 30 || !LABEL.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "selfdata.connectors.lease.prefix: up to 30 lower-case letters, digits and -");
        }
        if (retryPeriod.compareTo(SHORTEST_RETRY) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(
                    "selfdata.connectors.lease: retry-period at least 100 ms, duration at most 5 min");
        }
        if (renewDeadline.toMillis() <= Math.ceil(retryPeriod.toMillis() * 2.2)) {
            throw new IllegalArgumentException(
                    "selfdata.connectors.lease.renew-deadline must exceed 2.2 × retry-period");
        }
        if (renewDeadline.plus(retryPeriod.multipliedBy(2)).compareTo(duration) > 0) {
            throw new IllegalArgumentException(
                    "selfdata.connectors.lease.duration must be at least renew-deadline + 2 × retry-period");
        }
    }

    /** These settings with the namespace and identity this replica uses, from its environment when not set. */
    public LeaseSettings resolve(Map<String, String> env, String clientNamespace) {
        String resolvedNamespace = firstNonBlank(namespace, env.get("POD_NAMESPACE"), clientNamespace);
        if (resolvedNamespace == null) {
            throw new IllegalStateException("selfdata.connectors.lease.namespace is not set and no POD_NAMESPACE");
        }
        String resolvedIdentity = firstNonBlank(
                identity,
                env.get("POD_NAME"),
                env.get("HOSTNAME"),
                ManagementFactory.getRuntimeMXBean().getName());
        return new LeaseSettings(resolvedNamespace, duration, renewDeadline, retryPeriod, resolvedIdentity, prefix);
    }

    private static String firstNonBlank(String... values) {
        return Stream.of(values)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
