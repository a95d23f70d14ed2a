package eu.selfdata.connectors;

import eu.selfdata.connectors.settings.Setting;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.timer.TimerComponent;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.model.IdempotentConsumerDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ExpressionAdapter;

/**
 * A connector written once and run once per city: a Camel route template whose only parameter is
 * the city ({@value #CITY_PARAMETER}, a checked slug). What a city admin may change is declared as
 * typed {@link #settings()}; their values reach the route as objects only: the source endpoint is
 * built in code from them ({@link #source}), and the steps read them from the exchange's
 * {@link #instance}. No text an admin typed is ever part of an endpoint URI, a property placeholder
 * or an expression. The framework adds what every city must get: retries with exponential
 * back-off, then the dead-letter channel ({@link DeadLetters}, in the city's schema), and health
 * bookkeeping per instance; {@link #idempotent} adds the idempotent consumer.
 */
public abstract class ConnectorTemplate extends RouteBuilder {

    public static final String CITY_PARAMETER = "city";
    public static final String CITY = "SelfdataCity";
    public static final String TEMPLATE = "SelfdataTemplate";
    /** Where the message came from as the city admin reads it (file name, topic, URL). */
    public static final String SOURCE = "SelfdataSource";
    /** Stable identity of the message content (e.g. a file's SHA-256), keys dead letters of a replay. */
    public static final String SOURCE_KEY = "SelfdataSourceKey";
    /** The failing record as received, when the whole message is the record. */
    public static final String RECORD = "SelfdataRecord";
    /** Exchange property: the {@link ConnectorInstance} the message belongs to. */
    public static final String INSTANCE = "SelfdataInstance";
    /** Scheme of the endpoints the host registers per instance: nothing resolves it but that registration. */
    static final String SOURCE_SCHEME = "selfdata-source";

    static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,59}$");

    /** Template id, e.g. {@code waste-weighings-csv}; the route of a city is {@code {city}.{id}}. */
    public abstract String id();

    /** The use-case module this template serves: it runs for the cities that enabled that module. */
    public abstract String moduleId();

    /** What a city admin may set, each with its type, bounds and default. */
    public abstract List<Setting<?>> settings();

    /** Whether a city that enabled the module runs it before its admin says so (not when it needs a server address). */
    public boolean enabledByDefault() {
        return true;
    }

    /**
     * Whether a message that still fails after its retries fails at its source too (a file then goes
     * to its failed folder); otherwise it counts as handled once dead-lettered (a telemetry message is
     * acknowledged).
     */
    protected boolean failSourceOnError() {
        return false;
    }

    /** Failures retrying cannot cure (a malformed file): dead-lettered at once. */
    protected List<Class<? extends Exception>> permanentFailures() {
        return List.of();
    }

    /**
     * The consumer endpoint of one city's instance, built in code from its typed settings (an
     * endpoint object with its options set by setters), never parsed from text.
     *
     * @param uri the endpoint's identity, made of constants and the city slug
     */
    protected abstract Endpoint source(ConnectorInstance instance, String uri);

    /** The processing steps after the framework's error handling; {@link #instance} gives the city and settings. */
    protected abstract void steps(RouteDefinition route);

    /** Messages waiting at the source (files in the inbox...), when the template can tell. */
    public OptionalLong backlog(ConnectorInstance instance) {
        return OptionalLong.empty();
    }

    /**
     * Processes one dead-lettered record again, as stored or as corrected by the city admin.
     *
     * @throws RuntimeException with the reason when it still fails
     */
    public void replay(ConnectorInstance instance, DeadLetter letter, String record) {
        throw new UnsupportedOperationException(id() + " cannot replay a single record");
    }

    /** A timer source for polling templates: fires after {@code initialDelay}, then every {@code period}. */
    protected Endpoint timer(String uri, Duration period, Duration initialDelay) {
        TimerEndpoint timer = new TimerEndpoint(uri, getContext().getComponent("timer", TimerComponent.class), uri);
        timer.setPeriod(period.toMillis());
        timer.setDelay(initialDelay.toMillis());
        return timer;
    }

    /** The instance an exchange of this template's routes belongs to. */
    protected static ConnectorInstance instance(Exchange exchange) {
        ConnectorInstance instance = exchange.getProperty(INSTANCE, ConnectorInstance.class);
        if (instance == null) {
            throw new IllegalStateException("no connector instance on exchange " + exchange.getExchangeId());
        }
        return instance;
    }

    static String sourceUri(String city, String template) {
        return SOURCE_SCHEME + ":" + city + "." + template;
    }

    @Override
    public final void configure() {
        if (!ID.matcher(id()).matches()) {
            throw new IllegalArgumentException("template id must match " + ID + ": " + id());
        }
        RouteTemplateDefinition template = routeTemplate(id()).templateParameter(CITY_PARAMETER);
        RouteDefinition route = template.from(sourceUri("{{" + CITY_PARAMETER + "}}", id()));
        for (Class<? extends Exception> permanent : permanentFailures()) {
            route.onException(permanent)
                    .maximumRedeliveries(0)
                    .handled(!failSourceOnError())
                    .bean(DeadLetters.BEAN, "recordExchange")
                    .bean(ConnectorHealth.BEAN, "failed")
                    .end();
        }
        route.onException(Exception.class)
                .maximumRedeliveries("{{selfdata.connectors.retry.maximum-redeliveries:3}}")
                .redeliveryDelay("{{selfdata.connectors.retry.initial-delay-ms:500}}")
                .useExponentialBackOff()
                .backOffMultiplier("2")
                .maximumRedeliveryDelay("{{selfdata.connectors.retry.maximum-delay-ms:30000}}")
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(!failSourceOnError())
                .bean(DeadLetters.BEAN, "recordExchange")
                .bean(ConnectorHealth.BEAN, "failed")
                .end();
        route.bean(RunningConnectors.BEAN, "attach");
        steps(route);
        route.bean(ConnectorHealth.BEAN, "succeeded");
        TemplateRules.check(id(), template);
    }

    /**
     * An idempotent consumer on {@code messageKey}: a message already fully processed for this city
     * and template is skipped. The key is stored only once the message completed, so a crash midway
     * processes it again (the steps must then be idempotent themselves, e.g. through unique keys).
     */
    protected IdempotentConsumerDefinition idempotent(ProcessorDefinition<?> route, Expression messageKey) {
        IdempotentRepository repository =
                getContext().getRegistry().lookupByNameAndType(ProcessedMessages.BEAN, IdempotentRepository.class);
        Expression key = new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return ProcessedMessages.key(
                        exchange.getIn().getHeader(CITY, String.class),
                        id(),
                        messageKey.evaluate(exchange, String.class));
            }
        };
        return route.idempotentConsumer(key)
                .idempotentRepository(repository)
                .eager(false)
                .skipDuplicate(true);
    }
}
