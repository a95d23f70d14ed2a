package eu.selfdata.waste.weighing;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorSettings;
import eu.selfdata.connectors.DeadLetter;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * {@code waste-weighings-csv}: the operator drops {@code *.csv} files in the city's inbox folder
 * (writing them under another name first, then renaming); each goes to {@code done/} once
 * imported, or to {@code failed/} when it could not be read.
 */
public class WeighingsFolderTemplate extends WeighingsTemplate {

    public static final String ID = "waste-weighings-csv";
    static final String INBOX = "inbox";
    static final String DONE = "done";
    static final String FAILED = "failed";

    public WeighingsFolderTemplate(WeighingImport weighingImport, ConnectorSettings settings) {
        super(ID, weighingImport, settings);
    }

    @Override
    public Map<String, String> defaults(String city) {
        return Map.of(
                INBOX, settings().dropDirectory(city, "waste-weighings", "inbox").toString(),
                DONE, settings().dropDirectory(city, "waste-weighings", "done").toString(),
                FAILED, settings().dropDirectory(city, "waste-weighings", "failed").toString(),
                ENCODING, "UTF-8",
                DELIMITER, ",",
                ZONE, "Europe/Paris",
                "pollDelayMs", "2000");
    }

    @Override
    protected RouteDefinition source(RouteTemplateDefinition template) {
        return template.from("file:{{" + INBOX + "}}?include=.*\\.csv&autoCreate=true&delay={{pollDelayMs}}"
                + "&move={{" + DONE + "}}/${date:now:yyyyMMddHHmmssSSS}-${file:name}"
                + "&moveFailed={{" + FAILED + "}}/${file:name}");
    }

    @Override
    public OptionalLong backlog(ConnectorInstance instance) {
        try (Stream<Path> files = Files.list(Path.of(instance.parameter(INBOX)))) {
            return OptionalLong.of(files.filter(file -> file.toString().endsWith(".csv")).count());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    protected void replayFile(ConnectorInstance instance, DeadLetter letter) {
        Path failed = Path.of(instance.parameter(FAILED)).resolve(letter.source()).normalize();
        if (!failed.startsWith(Path.of(instance.parameter(FAILED))) || !Files.isRegularFile(failed)) {
            throw new IllegalStateException("the file " + letter.source() + " is no longer in the failed folder");
        }
        try {
            Files.move(failed, Path.of(instance.parameter(INBOX)).resolve(failed.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
