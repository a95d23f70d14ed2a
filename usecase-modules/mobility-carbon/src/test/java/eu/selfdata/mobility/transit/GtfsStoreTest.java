package eu.selfdata.mobility.transit;

import eu.selfdata.mobility.support.TestCity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtfsStoreTest {

    @TempDir
    Path dir;

    private final TestCity city = TestCity.create();
    private final GtfsStore store = new GtfsStore(city);

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
        assertThat(city.jdbc().sql("select stop_times from mobility_gtfs_feed").query(Integer.class).single()).isEqualTo(55);
        assertThat(new CityTransit(city, store).network()).isInstanceOf(GtfsNetwork.class);
    }

    @Test
    void aCorruptZipOrAMissingFileIsRefusedAndThePreviousFeedStaysActive() throws Exception {
        long active = store.importFeed(SyntheticGtfs.zip(dir, SyntheticGtfs.files(2)), "v1").feedId();
        Path corrupt = Files.write(dir.resolve("corrupt.zip"), "PK\u0003\u0004 this is not a zip".getBytes());
        Map<String, String> withoutStopTimes = new LinkedHashMap<>(SyntheticGtfs.files(3));
        withoutStopTimes.remove("stop_times.txt");

        assertThatThrownBy(() -> store.importFeed(corrupt, "v2")).isInstanceOf(InvalidFeedException.class).hasMessageContaining("zip");
        assertThatThrownBy(() -> store.importFeed(SyntheticGtfs.zip(dir, withoutStopTimes), "v3"))
                .isInstanceOf(InvalidFeedException.class).hasMessageContaining("stop_times.txt is missing");
        assertThat(store.activeFeed()).contains(active);
        assertThat(city.count("mobility_gtfs_feed")).isEqualTo(1);
    }

    @Test
    void aBadRowNamesFileAndLine() {
        Map<String, String> files = new LinkedHashMap<>(SyntheticGtfs.files(1));
        files.put("routes.txt", "route_id,route_short_name,route_type\nL12,12,bus\n");
        assertThatThrownBy(() -> store.importFeed(SyntheticGtfs.zip(dir, files), "v"))
                .isInstanceOf(InvalidFeedException.class).hasMessageContaining("routes.txt line 2");
    }
}
