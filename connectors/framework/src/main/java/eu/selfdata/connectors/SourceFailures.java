package eu.selfdata.connectors;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll strategy of every polling source: a poll that fails before any message exists (a server
 * refusing the connection or its host key, a folder gone) shows in the instance's health as its
 * last error, instead of only in the log.
 */
final class SourceFailures implements PollingConsumerPollStrategy {

    private static final Logger log = LoggerFactory.getLogger(SourceFailures.class);

    private final ConnectorHealth health;
    private final String routeId;

    SourceFailures(ConnectorHealth health, String routeId) {
        this.health = health;
        this.routeId = routeId;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        // Successes are counted per message by the route.
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        log.warn("Connector {} could not poll its source: {}", routeId, DeadLetters.reason(cause));
        health.sourceFailed(routeId, cause);
        return false;
    }
}
