package eu.selfdata.usecase.api.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Hands every byte count read to {@link #counted}, which refuses by throwing. */
abstract class MeteredInputStream extends FilterInputStream {

    MeteredInputStream(InputStream in) {
        super(in);
    }

    /** @throws LimitExceededException to stop the reading */
    abstract void counted(long bytes);

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    /** Re-reading after a reset would count twice. */
    @Override
    public boolean markSupported() {
        return false;
    }
}
