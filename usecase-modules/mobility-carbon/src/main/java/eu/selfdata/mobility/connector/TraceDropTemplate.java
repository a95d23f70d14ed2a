package eu.selfdata.mobility.connector;

import eu.selfdata.connectors.CityScope;
import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorSettings;
import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.trace.InvalidTraceException;
import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trace.TraceIngestion;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.Consents;
import org.apache.camel.Exchange;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mobility-trace-drop}: an app operator drops trace files in the city's inbox, named
 * {@code {citizen id}_{anything}.gpx|.geojson|.json} (the citizen's pseudonymous id in the city,
 * never a name). Each file is imported as that citizen's upload when they gave the consent
 * {@value MobilityCarbonModule#APP_IMPORT_PURPOSE}, then moved to {@code done/}; a file that is not
 * a valid trace, has no citizen id, or whose citizen did not consent goes to {@code failed/} with a
 * dead letter giving the reason. A file already imported (same SHA-256) is skipped.
 */
public class TraceDropTemplate extends ConnectorTemplate {

    public static final String ID = "mobility-trace-drop";
    static final String INBOX = "inbox";
    static final String DONE = "done";
    static final String FAILED = "failed";
    /** Whose file and which bytes: the idempotency key. */
    static final String DELIVERY = "SelfdataTraceDelivery";
    private static final Pattern NAME = Pattern.compile(
            "^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_[^/]*\\.(gpx|geojson|json)$", Pattern.CASE_INSENSITIVE);

    private final TraceIngestion ingestion;
    private final Consents consents;
    private final CityScope scope;
    private final ConnectorSettings settings;

    public TraceDropTemplate(TraceIngestion ingestion, Consents consents, CityScope scope, ConnectorSettings settings) {
        this.ingestion = ingestion;
        this.consents = consents;
        this.scope = scope;
        this.settings = settings;
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
    public Map<String, String> defaults(String city) {
        return Map.of(
                INBOX, settings.dropDirectory(city, ID, INBOX).toString(),
                DONE, settings.dropDirectory(city, ID, DONE).toString(),
                FAILED, settings.dropDirectory(city, ID, FAILED).toString(),
                "pollDelayMs", "2000");
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
    protected RouteDefinition source(RouteTemplateDefinition template) {
        return template.from("file:{{" + INBOX + "}}?include=.*\\.(gpx|geojson|json)&autoCreate=true&delay={{pollDelayMs}}"
                + "&move={{" + DONE + "}}/${date:now:yyyyMMddHHmmssSSS}-${file:name}"
                + "&moveFailed={{" + FAILED + "}}/${file:name}");
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.setHeader(SOURCE, simple("${file:name}")).process(TraceDropTemplate::hash);
        // The same bytes for two citizens are two deliveries: the key names whose file it is.
        idempotent(route, header(DELIVERY)).process(this::importFile).end();
    }

    private void importFile(Exchange exchange) throws IOException {
        String city = exchange.getIn().getHeader(CITY, String.class);
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
                    throw new RefusedFileException("citizen " + citizen + " has not let the app operator deliver traces ("
                            + MobilityCarbonModule.APP_IMPORT_PURPOSE + ")");
                }
                ingestion.ingest(citizen, format, content);
            });
        }
    }

    @Override
    public void replay(ConnectorInstance instance, DeadLetter letter, String record) {
        Path failedFolder = Path.of(instance.parameter(FAILED));
        Path failed = failedFolder.resolve(letter.source()).normalize();
        if (!failed.startsWith(failedFolder) || !Files.isRegularFile(failed)) {
            throw new IllegalStateException("the file " + letter.source() + " is no longer in the failed folder");
        }
        try {
            Files.move(failed, Path.of(instance.parameter(INBOX)).resolve(failed.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void hash(Exchange exchange) throws IOException {
        try (InputStream content = exchange.getIn().getBody(InputStream.class);
             DigestInputStream digest = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(java.io.OutputStream.nullOutputStream());
            String sha256 = "sha256:" + HexFormat.of().formatHex(digest.getMessageDigest().digest());
            exchange.getIn().setHeader(SOURCE_KEY, sha256);
            Matcher name = NAME.matcher(exchange.getIn().getHeader(SOURCE, String.class));
            exchange.getIn().setHeader(DELIVERY, (name.matches() ? name.group(1).toLowerCase(Locale.ROOT) : "unnamed") + "/" + sha256);
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
