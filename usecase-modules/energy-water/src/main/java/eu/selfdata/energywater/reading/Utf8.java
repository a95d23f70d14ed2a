package eu.selfdata.energywater.reading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The text of an uploaded file: UTF-8 with or without a BOM, bytes that are not UTF-8 read as U+FFFD. */
final class Utf8 {

    static final char NOT_UTF8 = '\uFFFD';
    private static final char BOM = '\uFEFF';

    private Utf8() {}

    static BufferedReader reader(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        try {
            reader.mark(1);
            if (reader.read() != BOM) {
                reader.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    /**
     * The first byte that is not blank nor part of a UTF-8 BOM, or -1; the stream is left where it was, so it must
     * support mark (a {@link java.io.BufferedInputStream} does).
     */
    static int firstNonBlankByte(InputStream in) {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the stream must support mark: wrap it in a BufferedInputStream");
        }
        int limit = 4096;
        in.mark(limit);
        try {
            for (int read = 0; read < limit; read++) {
                int b = in.read();
                if (b == -1 || !(Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF)) {
                    return b;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                in.reset();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
