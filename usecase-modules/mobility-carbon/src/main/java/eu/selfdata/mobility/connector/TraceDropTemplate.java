package eu.selfdata.mobility.connector;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.folders.DropFolder;
import eu.selfdata.connectors.settings.RelativePath;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingTypes;
import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.trace.InvalidTraceException;
import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trace.TraceIngestion;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.Accessor;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.api.Consents;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.model.RouteDefinition;

/**
 * {@code mobility-trace-drop}: an app operator drops trace files in the {@code inbox/} of the city's
 * trace folder (below the city's folder; the admin may only choose its name), named
 * {@code {citizen id}_{anything}.gpx|.geojson|.json} (the citizen's pseudonymous id in the city,
 * never a name). Each file is imported as that citizen's upload when they gave the consent
 * {@value MobilityCarbonModule#APP_IMPORT_PURPOSE}, then moved to {@code done/}; a file that is not
 * a valid trace, has no citizen id, or whose citizen did not consent goes to {@code failed/} with a
 * dead letter giving the reason. A file already imported (same SHA-256) is skipped. Each delivery
 * is a read of the citizen's data by the operator: it goes to the citizen's access log.
 */
public class TraceDropTemplate extends ConnectorTemplate {

    public static final String ID = "mobility-trace-drop";
    public static final Setting<RelativePath> FOLDER = Setting.of(
            "folder",
            SettingTypes.relativePath(),
            RelativePath.parse(ID),
            "Dossier de dépôt (dans celui de la ville)",
            "Drop folder (inside the city's)");
    static final Setting<Duration> POLL = Setting.of(
            "pollInterval",
            SettingTypes.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
            Duration.ofSeconds(2),
            "Intervalle de relève des fichiers",
            "How often files are looked for");
    /** Whose file and which bytes: the idempotency key. */
    static final String DELIVERY = "SelfdataTraceDelivery";

    private static final Pattern TRACES = Pattern.compile("^[^/]*\\.(gpx|geojson|json)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile(
            "^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_[^/]*\\.(gpx|geojson|json)$",
            Pattern.CASE_INSENSITIVE);

    private final TraceIngestion ingestion;
    private final Consents consents;
    private final AccessLog accessLog;
    private final CityScope scope;
    private final CityFolders folders;

    public TraceDropTemplate(
            TraceIngestion ingestion, Consents consents, AccessLog accessLog, CityScope scope, CityFolders folders) {
        this.ingestion = ingestion;
        this.consents = consents;
        this.accessLog = accessLog;
        this.scope = scope;
        this.folders = folders;
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
        return List.of(FOLDER, POLL);
    }

    @Override
    protected boolean failSourceOnError() {
        return true;
    }

    @Override
    protected List<Class<? extends Exception>> permanentFailures() {
        return List.of(InvalidTraceException.class, RefusedFileException.class);
    }

    @Override
    protected Endpoint source(ConnectorInstance instance, String uri) {
        return dropFolder(instance).source(getContext(), uri, TRACES, instance.get(POLL));
    }

    @Override
    public OptionalLong backlog(ConnectorInstance instance) {
        return OptionalLong.of(dropFolder(instance).backlog(TRACES));
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.setHeader(SOURCE, simple("${file:name}")).process(TraceDropTemplate::hash);
        // The same bytes for two citizens are two deliveries: the key names whose file it is.
        idempotent(route, header(DELIVERY)).process(this::importFile).end();
    }

    private void importFile(Exchange exchange) throws IOException {
        String city = instance(exchange).city();
        String name = exchange.getIn().getHeader(SOURCE, String.class);
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new RefusedFileException("'" + name + "' is not named {citizen id}_{anything}.gpx|.geojson|.json");
        }
        CitizenId citizen = CitizenId.of(matcher.group(1).toLowerCase(Locale.ROOT));
        TraceFormat format = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "gpx" -> TraceFormat.GPX;
            case "geojson" -> TraceFormat.GEOJSON;
            default -> TraceFormat.APP_JSON;
        };
        try (InputStream content = exchange.getIn().getBody(InputStream.class)) {
            scope.run(city, () -> {
                if (!consents.isGiven(citizen, MobilityCarbonModule.APP_IMPORT_PURPOSE)) {
                    throw new RefusedFileException(
                            "citizen " + citizen + " has not let the app operator deliver traces ("
                                    + MobilityCarbonModule.APP_IMPORT_PURPOSE + ")");
                }
                TraceIngestion.UploadReceipt receipt = ingestion.ingest(citizen, format, content);
                accessLog.record(
                        citizen,
                        new Accessor(Accessor.Kind.CONNECTOR, ID),
                        MobilityCarbonModule.POINTS.id(),
                        "the app operator delivered " + receipt.pointsStored() + " point(s) in the file " + name);
            });
        }
    }

    @Override
    public void replay(ConnectorInstance instance, DeadLetter letter, String record) {
        dropFolder(instance).replay(letter.source());
    }

    private DropFolder dropFolder(ConnectorInstance instance) {
        return folders.dropFolder(instance.city(), instance.get(FOLDER));
    }

    private static void hash(Exchange exchange) throws IOException {
        try (InputStream content = exchange.getIn().getBody(InputStream.class);
                DigestInputStream digest = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(java.io.OutputStream.nullOutputStream());
            String sha256 = "sha256:"
                    + HexFormat.of().formatHex(digest.getMessageDigest().digest());
            exchange.getIn().setHeader(SOURCE_KEY, sha256);
            Matcher name = NAME.matcher(exchange.getIn().getHeader(SOURCE, String.class));
            exchange.getIn()
                    .setHeader(
                            DELIVERY,
                            (name.matches() ? name.group(1).toLowerCase(Locale.ROOT) : "unnamed") + "/" + sha256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file that retrying cannot make acceptable. */
    static class RefusedFileException extends RuntimeException {
        RefusedFileException(String reason) {
            super(reason);
        }
    }
}
