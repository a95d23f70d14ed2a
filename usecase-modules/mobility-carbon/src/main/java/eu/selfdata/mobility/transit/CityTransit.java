package eu.selfdata.mobility.transit;

import eu.selfdata.mobility.trip.TransitNetwork;
import eu.selfdata.usecase.api.CityDatabase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current city's transit network for mode inference: built from its active GTFS feed, kept
 * for the few most recently served cities (a network is a few MB; memory must not grow with the
 * number of cities), none until the city has a feed.
 */
public class CityTransit {

    private static final int CACHED_CITIES = 16;

    private final CityDatabase database;
    private final GtfsStore feeds;
    private final Map<String, Cached> cache = new LinkedHashMap<>(CACHED_CITIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHED_CITIES;
        }
    };

    public CityTransit(CityDatabase database, GtfsStore feeds) {
        this.database = database;
        this.feeds = feeds;
    }

    public TransitNetwork network() {
        String city = database.city();
        Long active = feeds.activeFeed().orElse(null);
        if (active == null) {
            return TransitNetwork.NONE;
        }
        synchronized (cache) {
            Cached cached = cache.get(city);
            if (cached != null && cached.feedId() == active) {
                return cached.network();
            }
        }
        TransitNetwork network =
                feeds.load(active).<TransitNetwork>map(GtfsNetwork::new).orElse(TransitNetwork.NONE);
        synchronized (cache) {
            cache.put(city, new Cached(active, network));
        }
        return network;
    }

    private record Cached(long feedId, TransitNetwork network) {}
}
