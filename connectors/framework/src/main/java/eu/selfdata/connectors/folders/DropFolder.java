package eu.selfdata.connectors.folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFileConfiguration;

/**
 * A city's drop folder: operators put files in {@code inbox/}; the connector moves each to
 * {@code done/} once taken in (prefixed with the time, so a name can come twice) or to
 * {@code failed/} when it could not be read. Built by {@link CityFolders}, so it is the city's.
 */
public record DropFolder(Path base) {

    static final String INBOX = "inbox";
    static final String DONE = "done";
    static final String FAILED = "failed";

    public Path inbox() {
        return base.resolve(INBOX);
    }

    public Path done() {
        return base.resolve(DONE);
    }

    public Path failed() {
        return base.resolve(FAILED);
    }

    /**
     * The file consumer of this folder, configured in code (no URI text): files whose name matches
     * {@code include}, polled every {@code poll}. Moves are relative to the inbox, so no path ever
     * goes through Camel's expression language.
     *
     * @param uri the endpoint's identity in Camel, made of constants and the city slug
     */
    public Endpoint source(CamelContext camel, String uri, Pattern include, Duration poll) {
        FileEndpoint endpoint = new FileEndpoint(uri, camel.getComponent("file", FileComponent.class));
        endpoint.setFile(inbox().toFile());
        GenericFileConfiguration configuration = new GenericFileConfiguration();
        configuration.setDirectory(inbox().toString());
        endpoint.setConfiguration(configuration);
        endpoint.setAutoCreate(false);
        endpoint.setInclude(include.pattern());
        endpoint.setDelay(poll.toMillis());
        endpoint.setMove("../" + DONE + "/${date:now:yyyyMMddHHmmssSSS}-${file:name}");
        endpoint.setMoveFailed("../" + FAILED + "/${file:name}");
        return endpoint;
    }

    /** Files waiting in the inbox whose name matches. */
    public long backlog(Pattern include) {
        try (Stream<Path> files = Files.list(inbox())) {
            return files.filter(file ->
                            include.matcher(file.getFileName().toString()).matches())
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts a file that failed back in the inbox, to be read again.
     *
     * @throws IllegalStateException when no such file is in {@code failed/} (a name leaving it included)
     */
    public void replay(String fileName) {
        Path file = failed().resolve(fileName).normalize();
        if (!file.getParent().equals(failed()) || !Files.isRegularFile(file)) {
            throw new IllegalStateException("the file " + fileName + " is no longer in the failed folder");
        }
        try {
            Files.move(file, inbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
