package eu.selfdata.usecase.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.regex.Pattern;

/**
 * A citizen's data of one category in a standard format another service reads (GPX, GeoJSON, iCal…),
 * put in their export archive beside the category's JSON and CSV (GDPR art. 20: "a structured,
 * commonly used and machine-readable format").
 *
 * @param name      the file's name in the archive, e.g. {@code trips.gpx} (lower case letters, digits, dots, dashes)
 * @param mediaType its media type, e.g. {@code application/gpx+xml}
 * @param writer    writes the citizen's file, streamed (called inside the export's snapshot)
 */
public record PortableFile(String name, String mediaType, Writer writer) {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,80}$");

    public PortableFile {
        if (name == null || !NAME.matcher(name).matches() || mediaType == null || writer == null) {
            throw new IllegalArgumentException("a portable file has a plain name, a media type and a writer: " + name);
        }
    }

    /** Writes one citizen's file; leaves the stream open. */
    @FunctionalInterface
    public interface Writer {
        void write(CitizenId citizen, OutputStream out) throws IOException;
    }
}
