package eu.selfdata.usecase.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedZipTest {

    @TempDir
    Path dir;

    @Test
    void aBombIsRefusedAfterAboutAMegabyteWhateverItsSize() throws IOException {
        Path zip = zip(128L << 20); // 128 MiB of zeros, about 128 KiB compressed
        byte[] buffer = new byte[8192];
        long[] read = {0};

        try (BoundedZip bounded = BoundedZip.open(zip, new ZipLimits(10, 4L << 30, 4L << 30, 100));
                InputStream in = bounded.open("bomb.txt")) {
            assertThatThrownBy(() -> {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            read[0] += n;
                        }
                    })
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessage("bomb.txt expands more than 100 times its compressed size: refused as a zip bomb");
        }
        assertThat(read[0]).isLessThan(BoundedZip.RATIO_FREE_BYTES + buffer.length);
    }

    @Test
    void theTotalCapCoversEveryEntryRead() throws IOException {
        Path zip = dir.resolve("two.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"a.txt", "b.txt"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(new byte[600]);
            }
        }

        try (BoundedZip bounded = BoundedZip.open(zip, new ZipLimits(10, 1000, 1000, 1000))) {
            assertThat(bounded.open("a.txt").readAllBytes()).hasSize(600);
            assertThatThrownBy(() -> bounded.open("b.txt").readAllBytes())
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessage("the zip decompresses to more than the cap of 1000 bytes in total (reached in b.txt)");
        }
    }

    private Path zip(long zeros) throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bomb.txt"));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < zeros; written += block.length) {
                out.write(block);
            }
        }
        return zip;
    }
}
