package eu.selfdata.usecase.api.limits;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * A zip file read within {@link ZipLimits}: too many entries are refused on opening; an entry is
 * refused ({@link LimitExceededException} naming it and the cap) as soon as it decompresses past its
 * byte cap, past the total cap, or past the compression ratio of the bytes inflated so far (Commons
 * Compress counts them), so a zip bomb costs about a megabyte of reading, never its declared size.
 */
public final class BoundedZip implements Closeable {

    /** An entry may give this much before its compression ratio is judged. */
    public static final long RATIO_FREE_BYTES = 1 << 20;

    private final ZipFile file;
    private final ZipLimits limits;
    private long totalBytes;

    private BoundedZip(ZipFile file, ZipLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    /**
     * @throws ZipException           when it is not a readable zip
     * @throws LimitExceededException when it has more entries than the limit
     */
    public static BoundedZip open(Path zip, ZipLimits limits) throws IOException {
        ZipFile file = ZipFile.builder().setPath(zip).get();
        long entries = Collections.list(file.getEntries()).size();
        if (entries > limits.maxEntries()) {
            file.close();
            throw new LimitExceededException(
                    "the zip has " + entries + " entries, more than the cap of " + limits.maxEntries());
        }
        return new BoundedZip(file, limits);
    }

    /** Whether the zip has a file {@code name}, at its root or in a folder. */
    public boolean contains(String name) {
        return entry(name).isPresent();
    }

    /**
     * The decompressed bytes of the first file named {@code name} (at the root or in a folder),
     * counted against the limits as they are read.
     *
     * @throws ZipException when there is none, or it is compressed in a way this reader does not take
     */
    public InputStream open(String name) throws IOException {
        ZipArchiveEntry entry = entry(name).orElseThrow(() -> new ZipException("no file " + name + " in the zip"));
        if (!file.canReadEntryData(entry)) {
            throw new ZipException(entry.getName() + " is encrypted or compressed with an unsupported method");
        }
        return new EntryStream(file.getInputStream(entry), entry);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private Optional<ZipArchiveEntry> entry(String name) {
        return Collections.list(file.getEntries()).stream()
                .filter(entry -> !entry.isDirectory()
                        && (entry.getName().equals(name) || entry.getName().endsWith("/" + name)))
                .findFirst();
    }

    private final class EntryStream extends MeteredInputStream {

        private final String name;
        private final InputStreamStatistics statistics;
        private final long declaredCompressedBytes;
        private long read;

        EntryStream(InputStream in, ZipArchiveEntry entry) {
            super(in);
            this.name = entry.getName();
            this.statistics = in instanceof InputStreamStatistics counted ? counted : null;
            this.declaredCompressedBytes = Math.max(1, entry.getCompressedSize());
        }

        @Override
        void counted(long bytes) {
            read += bytes;
            totalBytes += bytes;
            if (read > limits.maxEntryBytes()) {
                throw new LimitExceededException(
                        name + " decompresses to more than the cap of " + limits.maxEntryBytes() + " bytes");
            }
            if (totalBytes > limits.maxTotalBytes()) {
                throw new LimitExceededException("the zip decompresses to more than the cap of "
                        + limits.maxTotalBytes() + " bytes in total (reached in " + name + ")");
            }
            long compressed =
                    statistics != null ? Math.max(1, statistics.getCompressedCount()) : declaredCompressedBytes;
            if (read > RATIO_FREE_BYTES && read / compressed > limits.maxRatio()) {
                throw new LimitExceededException(name + " expands more than " + limits.maxRatio()
                        + " times its compressed size: refused as a zip bomb");
            }
        }
    }
}
