package eu.selfdata.mobility.transit;

import eu.selfdata.usecase.api.limits.ZipLimits;

/**
 * How large a GTFS feed may be, checked while it is read (a feed comes from a URL the city admin
 * chose: it is hostile until read). The defaults take the largest city networks with room to spare:
 * a metropolitan feed such as Île-de-France's has about 10-15 million stop_times rows, about 1 GB
 * decompressed; real feeds compress 5 to 30 times, a zip bomb about a thousand times.
 *
 * @param zip     entries (the reference defines about 30 files), bytes per entry and in total, ratio
 * @param maxRows rows of any one file (stop_times is the largest and is streamed; the others are held
 *                in memory, and are much smaller in any real feed)
 */
public record GtfsLimits(ZipLimits zip, long maxRows) {

    public static final GtfsLimits DEFAULT =
            new GtfsLimits(new ZipLimits(100, 4L * 1024 * 1024 * 1024, 6L * 1024 * 1024 * 1024, 200), 30_000_000);

    public GtfsLimits {
        if (zip == null || maxRows <= 0) {
            throw new IllegalArgumentException("GTFS limits are given and positive");
        }
    }
}
