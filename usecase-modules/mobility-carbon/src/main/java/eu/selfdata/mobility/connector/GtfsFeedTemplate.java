package eu.selfdata.mobility.connector;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.outbound.OutboundException;
import eu.selfdata.connectors.outbound.OutboundHttp;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingTypes;
import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.transit.GtfsStore;
import eu.selfdata.mobility.transit.InvalidFeedException;
import eu.selfdata.usecase.api.CityScope;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.model.RouteDefinition;

/**
 * {@code mobility-gtfs}: the city's GTFS static feed, fetched over HTTP(S) on a schedule (daily by
 * default) into a temporary file and imported into the city schema. An unchanged feed (same
 * SHA-256) is skipped; a corrupt zip or a missing required file is dead-lettered with the reason
 * at once, and the previous feed stays active; a server error is retried with back-off. Off until
 * the city admin gives the feed's {@code url}.
 */
public class GtfsFeedTemplate extends ConnectorTemplate {

    public static final String ID = "mobility-gtfs";
    static final Setting<URI> URL =
            Setting.required("url", SettingTypes.publicUrl(), "Adresse du flux GTFS (zip)", "GTFS feed address (zip)");
    static final Setting<Duration> POLL = Setting.of(
            "pollInterval",
            SettingTypes.duration(Duration.ofHours(1), Duration.ofDays(30)),
            Duration.ofDays(1),
            "Intervalle de relève",
            "How often the feed is read");

    private final GtfsStore feeds;
    private final CityScope scope;
    private final OutboundHttp http;

    public GtfsFeedTemplate(GtfsStore feeds, CityScope scope, OutboundHttp http) {
        this.feeds = feeds;
        this.scope = scope;
        this.http = http;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return MobilityCarbonModule.ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(URL, POLL);
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    protected List<Class<? extends Exception>> permanentFailures() {
        return List.of(InvalidFeedException.class, OutboundException.Refused.class, OutboundException.TooLarge.class);
    }

    @Override
    protected Endpoint source(ConnectorInstance instance, String uri) {
        return timer(uri, instance.get(POLL), Duration.ofSeconds(1));
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.process(this::fetchAndImport);
    }

    /** Downloaded through the outbound guard (capped, redirects checked), imported from a temporary file. */
    private void fetchAndImport(Exchange exchange) throws IOException {
        ConnectorInstance instance = instance(exchange);
        String city = instance.city();
        URI url = instance.get(URL);
        exchange.getIn().setHeader(SOURCE, url.toString());
        Path zip = Files.createTempFile("gtfs-" + city, ".zip");
        try {
            http.download(city, url, Map.of(), zip);
            GtfsStore.ImportOutcome outcome = scope.call(city, () -> feeds.importFeed(zip, url.toString()));
            exchange.getIn().setHeader(SOURCE_KEY, "sha256:" + outcome.sha256());
            exchange.getIn().setHeader("SelfdataGtfsImported", outcome.imported());
        } finally {
            Files.deleteIfExists(zip);
        }
    }
}
