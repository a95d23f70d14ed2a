package eu.selfdata.tenant.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.SelfDataTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen with 200,000 rows of 2 kB (400 MB of data) exports through the real HTTP endpoint from a
 * service whose whole heap is capped at 256 MB (failsafe argLine): only streaming can pass.
 */
class ExportMemoryIT extends SelfDataTest {

    private static final int ROWS = 200_000;

    @Test
    void exportOfTwoHundredThousandRowsStreamsWithinAQuarterGigabyteHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L * 1024 * 1024);
        String city = cityWithObservations("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("prolific"));
        String citizen = citizenId(token, city);
        database()
                .sql("insert into " + schema(city) + ".observation (citizen_id, kind, value, note) "
                        + "select ?::uuid, 'bike', g, repeat(md5(g::text), 62) from generate_series(1, ?) g")
                .params(citizen, ROWS)
                .update();
        Path zip = Files.createTempFile("export", ".zip");
        try {
            long started = System.nanoTime();
            assertThat(client.downloadAs(token, city, "/api/me/export", zip)).isEqualTo(200);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            long[] counted = count(zip);
            assertThat(counted[0]).as("objects in observations.json").isEqualTo(ROWS);
            assertThat(counted[1]).as("lines in observations.csv (with header)").isEqualTo(ROWS + 1);
            System.out.printf(
                    "export of %d rows: %d ms, %d MB zip, peak heap %d MB of %d MB%n",
                    ROWS,
                    elapsedMs,
                    Files.size(zip) >> 20,
                    peakHeapMb(),
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private static long[] count(Path zip) throws Exception {
        long[] counted = new long[2];
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Reader reader = new InputStreamReader(entries, StandardCharsets.UTF_8);
                if (entry.getName().equals("observations.json")) {
                    counted[0] = objectsIn(reader);
                } else if (entry.getName().equals("observations.csv")) {
                    counted[1] = new BufferedReader(reader).lines().count();
                }
            }
        }
        return counted;
    }

    private static long objectsIn(Reader reader) {
        long objects = 0;
        try (JsonParser parser = JsonMapper.builder()
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build()
                .createParser(reader)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT && depth++ == 0) {
                    objects++;
                } else if (token == JsonToken.END_OBJECT) {
                    depth--;
                }
            }
        }
        return objects;
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed())
                        .sum()
                >> 20;
    }
}
