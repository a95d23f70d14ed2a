package eu.selfdata.waste.weighing;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorSettings;
import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.DeadLetter;
import org.apache.camel.Exchange;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

/**
 * The weighings connector, whatever brings the files: each file is hashed (the hash keys the
 * idempotent consumer, the anonymous counts and the dead letters), imported row by row, and left
 * to its source to move to done (or failed, when it could not be read at all).
 */
abstract class WeighingsTemplate extends ConnectorTemplate {

    static final String ENCODING = "encoding";
    static final String DELIMITER = "delimiter";
    static final String ZONE = "zone";
    private static final Logger log = LoggerFactory.getLogger(WeighingsTemplate.class);

    private final String id;
    private final WeighingImport weighingImport;
    private final ConnectorSettings settings;

    WeighingsTemplate(String id, WeighingImport weighingImport, ConnectorSettings settings) {
        this.id = id;
        this.weighingImport = weighingImport;
        this.settings = settings;
    }

    @Override
    public String id() {
        return id;
    }

    ConnectorSettings settings() {
        return settings;
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
    protected List<Class<? extends Exception>> permanentFailures() {
        return List.of(WeighingCsv.MalformedFileException.class, IllegalArgumentException.class);
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.setHeader(SOURCE, simple("${file:name}"))
                .setHeader(ENCODING, constant("{{" + ENCODING + "}}"))
                .setHeader(DELIMITER, constant("{{" + DELIMITER + "}}"))
                .setHeader(ZONE, constant("{{" + ZONE + "}}"))
                .process(WeighingsTemplate::hash);
        idempotent(route, header(SOURCE_KEY)).process(this::importFile).end();
    }

    private void importFile(Exchange exchange) throws IOException {
        String city = exchange.getIn().getHeader(CITY, String.class);
        String encoding = exchange.getIn().getHeader(ENCODING, String.class);
        WeighingCsv csv = WeighingCsv.of(encoding, exchange.getIn().getHeader(DELIMITER, String.class),
                exchange.getIn().getHeader(ZONE, String.class));
        WeighingImport.Source source = new WeighingImport.Source(id(), exchange.getIn().getHeader(SOURCE, String.class),
                exchange.getIn().getHeader(SOURCE_KEY, String.class));
        try (InputStream content = exchange.getIn().getBody(InputStream.class)) {
            ImportReport report = weighingImport.importFile(city, source, csv,
                    ZoneId.of(exchange.getIn().getHeader(ZONE, String.class)), content);
            log.info("{}.{} imported {}: {}", city, id(), source.name(), report);
            exchange.getIn().setHeader("SelfdataImportReport", report);
        }
    }

    @Override
    public void replay(ConnectorInstance instance, DeadLetter letter, String record) {
        if (letter.lineNumber() == null) {
            replayFile(instance, letter);
            return;
        }
        WeighingCsv csv = WeighingCsv.of(instance.parameter(ENCODING), instance.parameter(DELIMITER), instance.parameter(ZONE));
        weighingImport.importRow(instance.city(), new WeighingImport.Source(id(), letter.source(), letter.sourceKey()), csv,
                ZoneId.of(instance.parameter(ZONE)), letter.lineNumber(), record);
    }

    /** A whole file that failed: put it back where the connector reads. */
    protected abstract void replayFile(ConnectorInstance instance, DeadLetter letter);

    private static void hash(Exchange exchange) throws IOException {
        try (InputStream content = exchange.getIn().getBody(InputStream.class);
             DigestInputStream digest = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(java.io.OutputStream.nullOutputStream());
            exchange.getIn().setHeader(SOURCE_KEY, "sha256:" + HexFormat.of().formatHex(digest.getMessageDigest().digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
