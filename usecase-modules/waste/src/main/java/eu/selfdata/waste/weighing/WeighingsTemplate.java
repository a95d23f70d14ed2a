package eu.selfdata.waste.weighing;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingTypes;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weighings connector, whatever brings the files: each file is hashed (the hash keys the
 * idempotent consumer, the anonymous counts and the dead letters), imported row by row, and left
 * to its source to move to done (or failed, when it could not be read at all).
 */
abstract class WeighingsTemplate extends ConnectorTemplate {

    static final Pattern CSV = Pattern.compile("^[^/]*\\.csv$");
    static final Setting<Charset> ENCODING = Setting.of(
            "encoding",
            SettingTypes.charset(),
            StandardCharsets.UTF_8,
            "Encodage des fichiers",
            "Character set of the files");
    static final Setting<Character> DELIMITER = Setting.of(
            "delimiter", SettingTypes.choice(delimiters()), ',', "Séparateur de colonnes", "Column delimiter");
    static final Setting<ZoneId> ZONE = Setting.of(
            "zone",
            SettingTypes.timeZone(),
            ZoneId.of("Europe/Paris"),
            "Fuseau horaire des heures sans décalage",
            "Time zone of times without an offset");
    private static final Logger log = LoggerFactory.getLogger(WeighingsTemplate.class);

    private final String id;
    private final WeighingImport weighingImport;

    WeighingsTemplate(String id, WeighingImport weighingImport) {
        this.id = id;
        this.weighingImport = weighingImport;
    }

    static Setting<Duration> pollInterval(Duration standard) {
        return Setting.of(
                "pollInterval",
                SettingTypes.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
                standard,
                "Intervalle de relève des fichiers",
                "How often files are looked for");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String moduleId() {
        return "waste";
    }

    @Override
    protected boolean failSourceOnError() {
        return true;
    }

    @Override
    protected java.util.List<Class<? extends Exception>> permanentFailures() {
        return java.util.List.of(WeighingCsv.MalformedFileException.class, IllegalArgumentException.class);
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.setHeader(SOURCE, simple("${file:name}")).process(WeighingsTemplate::hash);
        idempotent(route, header(SOURCE_KEY)).process(this::importFile).end();
    }

    private void importFile(Exchange exchange) {
        ConnectorInstance instance = instance(exchange);
        WeighingImport.Source source = new WeighingImport.Source(
                id(),
                exchange.getIn().getHeader(SOURCE, String.class),
                exchange.getIn().getHeader(SOURCE_KEY, String.class));
        // Both sources hand over a local file (the drop folder's, or the SFTP work folder's copy): imported where it
        // is.
        Path file = exchange.getIn().getBody(File.class).toPath();
        ImportReport report =
                weighingImport.importFile(instance.city(), source, csv(instance), instance.get(ZONE), file);
        log.info("{}.{} imported {}: {}", instance.city(), id(), source.name(), report);
        exchange.getIn().setHeader("SelfdataImportReport", report);
    }

    @Override
    public void replay(ConnectorInstance instance, DeadLetter letter, String record) {
        if (letter.lineNumber() == null) {
            replayFile(instance, letter);
            return;
        }
        weighingImport.importRow(
                instance.city(),
                new WeighingImport.Source(id(), letter.source(), letter.sourceKey()),
                csv(instance),
                instance.get(ZONE),
                letter.lineNumber(),
                record);
    }

    /** A whole file that failed: put it back where the connector reads. */
    protected abstract void replayFile(ConnectorInstance instance, DeadLetter letter);

    private static WeighingCsv csv(ConnectorInstance instance) {
        return new WeighingCsv(instance.get(ENCODING), instance.get(DELIMITER), instance.get(ZONE));
    }

    private static Map<String, Character> delimiters() {
        Map<String, Character> delimiters = new LinkedHashMap<>();
        delimiters.put(",", ',');
        delimiters.put(";", ';');
        delimiters.put("tab", '\t');
        delimiters.put("|", '|');
        return delimiters;
    }

    private static void hash(Exchange exchange) throws IOException {
        try (InputStream content = exchange.getIn().getBody(InputStream.class);
                DigestInputStream digest = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(java.io.OutputStream.nullOutputStream());
            exchange.getIn()
                    .setHeader(
                            SOURCE_KEY,
                            "sha256:"
                                    + HexFormat.of()
                                            .formatHex(digest.getMessageDigest().digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
