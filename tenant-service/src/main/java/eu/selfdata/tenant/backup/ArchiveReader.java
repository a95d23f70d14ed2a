package eu.selfdata.tenant.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reading a city archive's plaintext: what a restore and an erasure's rewrite both need, refusing alike. */
final class ArchiveReader {

    private ArchiveReader() {}

    /** The next entry; an archive opened with another key or altered fails here, before any row. */
    static ZipEntry next(ZipInputStream zip) {
        try {
            return zip.getNextEntry();
        } catch (IOException e) {
            throw new ArchiveUnreadableException(
                    "The archive cannot be read with this platform's backup key, or it was altered or cut short");
        }
    }

    /** The first entry, checked to be a manifest of this format and version. */
    static ArchiveManifest manifest(ZipInputStream zip, JsonMapper json) throws IOException {
        ZipEntry first = next(zip);
        if (first == null || !"manifest.json".equals(first.getName())) {
            throw new ArchiveUnreadableException("Not a city archive: it does not start with its manifest");
        }
        ArchiveManifest manifest;
        try {
            manifest = json.readValue(bounded(zip), ArchiveManifest.class);
        } catch (JacksonException e) {
            throw new ArchiveUnreadableException("The archive's manifest is not readable");
        }
        if (!ArchiveManifest.FORMAT.equals(manifest.format()) || manifest.version() != ArchiveManifest.VERSION) {
            throw new ArchiveUnreadableException("Archive format " + abbreviate(manifest.format()) + " v"
                    + manifest.version() + " is not " + ArchiveManifest.FORMAT + " v" + ArchiveManifest.VERSION);
        }
        return manifest;
    }

    /** Small JSON entries are read whole; a huge one is not a manifest. */
    static byte[] bounded(InputStream entry) throws IOException {
        byte[] content = entry.readNBytes(1 << 20);
        if (entry.read() >= 0) {
            throw new ArchiveUnreadableException("An archive's description entry is larger than 1 MB");
        }
        return content;
    }

    /** A value of the archive, fit for a message: printable ASCII, at most 80 characters. */
    static String abbreviate(String value) {
        String printable = String.valueOf(value).replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }
}
