package eu.selfdata.mobility.transit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.usecase.api.limits.ZipLimits;
import eu.selfdata.usecase.test.TestCity;
import eu.selfdata.usecase.test.TestModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GtfsStoreTest {

    @TempDir
    Path dir;

    private final TestCity city = TestCity.create(TestModule.of(MobilityCarbonModule.ID));
    private final GtfsStore store = new GtfsStore(city, GtfsLimits.DEFAULT);

    @Test
    void aFeedIsImportedOnceAndTheSameBytesAreSkipped() {
        Path zip = SyntheticGtfs.zip(dir, SyntheticGtfs.files(5));

        GtfsStore.ImportOutcome first = store.importFeed(zip, "https://example.org/gtfs.zip");
        GtfsStore.ImportOutcome again = store.importFeed(zip, "https://example.org/gtfs.zip");

        assertThat(first.imported()).isTrue();
        assertThat(again.imported()).isFalse();
        assertThat(again.feedId()).isEqualTo(first.feedId());
        assertThat(store.activeFeed()).contains(first.feedId());
        assertThat(city.count("mobility_gtfs_stop_route")).isEqualTo(11);
        assertThat(city.jdbc()
                        .sql("select stop_times from mobility_gtfs_feed")
                        .query(Integer.class)
                        .single())
                .isEqualTo(55);
        assertThat(new CityTransit(city, store).network()).isInstanceOf(GtfsNetwork.class);
    }

    @Test
    void aCorruptZipOrAMissingFileIsRefusedAndThePreviousFeedStaysActive() throws Exception {
        long active = store.importFeed(SyntheticGtfs.zip(dir, SyntheticGtfs.files(2)), "v1")
                .feedId();
        Path corrupt = Files.write(dir.resolve("corrupt.zip"), "PK\u0003\u0004 this is not a zip".getBytes());
        Map<String, String> withoutStopTimes = new LinkedHashMap<>(SyntheticGtfs.files(3));
        withoutStopTimes.remove("stop_times.txt");

        assertThatThrownBy(() -> store.importFeed(corrupt, "v2"))
                .isInstanceOf(InvalidFeedException.class)
                .hasMessageContaining("zip");
        assertThatThrownBy(() -> store.importFeed(SyntheticGtfs.zip(dir, withoutStopTimes), "v3"))
                .isInstanceOf(InvalidFeedException.class)
                .hasMessageContaining("stop_times.txt is missing");
        assertThat(store.activeFeed()).contains(active);
        assertThat(city.count("mobility_gtfs_feed")).isEqualTo(1);
    }

    @Test
    void aBadRowNamesFileAndLine() {
        Map<String, String> files = new LinkedHashMap<>(SyntheticGtfs.files(1));
        files.put("routes.txt", "route_id,route_short_name,route_type\nL12,12,bus\n");
        assertThatThrownBy(() -> store.importFeed(SyntheticGtfs.zip(dir, files), "v"))
                .isInstanceOf(InvalidFeedException.class)
                .hasMessageContaining("routes.txt line 2");
    }

    @Test
    void aZipBombIsRefusedAfterAFewMegabytesAndThePreviousFeedStaysActive() throws Exception {
        long active = store.importFeed(SyntheticGtfs.zip(dir, SyntheticGtfs.files(2)), "v1")
                .feedId();
        Map<String, String> files = new LinkedHashMap<>(SyntheticGtfs.files(1));
        files.remove("stop_times.txt");
        Path bomb = SyntheticGtfs.zip(dir, files);
        long bombBytes = 256L * 1024 * 1024;
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(dir.resolve("bomb.zip")))) {
            try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(bomb))) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    in.transferTo(out);
                }
            }
            out.putNextEntry(new java.util.zip.ZipEntry("stop_times.txt"));
            out.write("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n".getBytes());
            byte[] rows = "T0,06:00:00,06:00:00,S0,0\n".repeat(40_000).getBytes();
            for (long written = 0; written < bombBytes; written += rows.length) {
                out.write(rows);
            }
        }
        Path zip = dir.resolve("bomb.zip");
        assertThat(Files.size(zip)).isLessThan(bombBytes / 300);

        long start = System.nanoTime();
        assertThatThrownBy(() -> store.importFeed(zip, "bomb"))
                .isInstanceOf(InvalidFeedException.class)
                .hasMessageContaining("stop_times.txt expands more than 200 times");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(2));
        assertThat(store.activeFeed()).contains(active);
    }

    @Test
    void aFeedOverAnEntryRowOrByteCapIsRefusedNamingTheFileAndTheCap() throws Exception {
        Map<String, String> crowded = new LinkedHashMap<>(SyntheticGtfs.files(1));
        for (int i = 0; i < 100; i++) {
            crowded.put("extension-" + i + ".txt", "x\n");
        }
        GtfsStore fewRows = new GtfsStore(city, new GtfsLimits(new ZipLimits(100, 1_000_000, 1_000_000, 200), 50));
        GtfsStore fewBytes = new GtfsStore(city, new GtfsLimits(new ZipLimits(100, 1000, 1_000_000, 200), 1_000));

        assertThatThrownBy(() -> store.importFeed(SyntheticGtfs.zip(dir, crowded), "crowded"))
                .isInstanceOf(InvalidFeedException.class)
                .hasMessageContaining("106 entries, more than the cap of 100");
        assertThatThrownBy(() -> fewRows.importFeed(SyntheticGtfs.zip(dir, SyntheticGtfs.files(5)), "rows"))
                .isInstanceOf(InvalidFeedException.class)
                .hasMessageContaining("stop_times.txt has more than the cap of 50 rows");
        assertThatThrownBy(() -> fewBytes.importFeed(SyntheticGtfs.zip(dir, SyntheticGtfs.files(4)), "bytes"))
                .isInstanceOf(InvalidFeedException.class)
                .hasMessageContaining("stop_times.txt decompresses to more than the cap of 1000 bytes");
        assertThat(city.count("mobility_gtfs_feed")).isZero();
    }
}
