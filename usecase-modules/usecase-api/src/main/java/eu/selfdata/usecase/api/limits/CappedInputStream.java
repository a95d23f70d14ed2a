package eu.selfdata.usecase.api.limits;

import java.io.InputStream;

/**
 * Fails as soon as more than {@code maxBytes} have been read, whatever a header or a zip directory
 * declared, so an oversized input is refused after at most one buffer beyond the cap.
 */
public final class CappedInputStream extends MeteredInputStream {

    private final long maxBytes;
    private final String what;
    private long read;

    /** @param what names the input in the refusal, e.g. {@code "the answer"} */
    public CappedInputStream(InputStream in, long maxBytes, String what) {
        super(in);
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a cap is not negative");
        }
        this.maxBytes = maxBytes;
        this.what = what;
    }

    /** Bytes read so far. */
    public long bytesRead() {
        return read;
    }

    @Override
    void counted(long bytes) {
        read += bytes;
        if (read > maxBytes) {
            throw new LimitExceededException(what + " exceeds the cap of " + maxBytes + " bytes");
        }
    }
}
