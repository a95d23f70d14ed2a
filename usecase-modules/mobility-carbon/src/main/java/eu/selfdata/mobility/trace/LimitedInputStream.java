package eu.selfdata.mobility.trace;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails the upload as soon as more than the limit has been read, whatever the declared length. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new InvalidTraceException(TraceProblem.TOO_LARGE, "the upload exceeds " + limit + " bytes");
        }
    }

    long bytesRead() {
        return read;
    }
}
