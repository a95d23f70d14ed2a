package eu.selfdata.mobility.transit;

import eu.selfdata.usecase.api.CityDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The city's GTFS feeds in its schema. An import reads the whole feed first, loads it beside the
 * active one and switches in one transaction: a feed refused for any reason leaves the active feed
 * as it was. A feed whose SHA-256 was already imported is skipped. The feed is read within
 * {@link GtfsLimits}: past one of them it is refused with the file and the cap.
 */
public class GtfsStore {

    private final CityDatabase database;
    private final GtfsLimits limits;

    public GtfsStore(CityDatabase database, GtfsLimits limits) {
        this.database = database;
        this.limits = limits;
    }

    public ImportOutcome importFeed(Path zip, String source) {
        String sha256 = sha256(zip);
        Optional<Long> known = database.jdbc()
                .sql("select id from mobility_gtfs_feed where sha256 = :sha")
                .param("sha", sha256)
                .query(Long.class)
                .optional();
        if (known.isPresent()) {
            return new ImportOutcome(known.get(), false, sha256);
        }
        GtfsFeed feed = GtfsFeed.read(zip, limits);
        if (feed.stops().isEmpty() || feed.routes().isEmpty()) {
            throw new InvalidFeedException("the feed has no stop or no route");
        }
        long id = database.transactions().execute(status -> {
            long feedId = database.jdbc()
                    .sql("""
                            insert into mobility_gtfs_feed (sha256, source, stops, routes, stop_times) values (:sha, :source, :stops, :routes, :stopTimes)
                            returning id""")
                    .param("sha", sha256)
                    .param("source", source)
                    .param("stops", feed.stops().size())
                    .param("routes", feed.routes().size())
                    .param("stopTimes", feed.stopTimes())
                    .query(Long.class)
                    .single();
            insertRows(feedId, feed);
            database.jdbc()
                    .sql("update mobility_gtfs_feed set active = false where active")
                    .update();
            database.jdbc()
                    .sql("update mobility_gtfs_feed set active = true where id = :id")
                    .param("id", feedId)
                    .update();
            return feedId;
        });
        return new ImportOutcome(id, true, sha256);
    }

    /** The active feed's id, if the city has one. */
    public Optional<Long> activeFeed() {
        return database.jdbc()
                .sql("select id from mobility_gtfs_feed where active")
                .query(Long.class)
                .optional();
    }

    /** The active feed as mode inference needs it. */
    public Optional<GtfsFeed> load(long feedId) {
        List<GtfsFeed.Stop> stops = database.jdbc()
                .sql("select stop_id, lat, lon from mobility_gtfs_stop where feed_id = :f")
                .param("f", feedId)
                .query((rs, row) -> new GtfsFeed.Stop(rs.getString(1), rs.getDouble(2), rs.getDouble(3)))
                .list();
        if (stops.isEmpty()) {
            return Optional.empty();
        }
        List<GtfsFeed.Route> routes = database.jdbc()
                .sql("select route_id, route_type, short_name from mobility_gtfs_route where feed_id = :f")
                .param("f", feedId)
                .query((rs, row) -> new GtfsFeed.Route(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .list();
        var pairs = new java.util.HashSet<>(database.jdbc()
                .sql("select stop_id, route_id from mobility_gtfs_stop_route where feed_id = :f")
                .param("f", feedId)
                .query((rs, row) -> new GtfsFeed.StopRoute(rs.getString(1), rs.getString(2)))
                .list());
        var shapes = new java.util.HashMap<GtfsFeed.RouteShape, List<double[]>>();
        database.jdbc()
                .sql("select route_id, shape_id, path from mobility_gtfs_route_shape where feed_id = :f")
                .param("f", feedId)
                .query((rs, row) ->
                        shapes.put(new GtfsFeed.RouteShape(rs.getString(1), rs.getString(2)), path(rs.getString(3))))
                .list();
        return Optional.of(new GtfsFeed(stops, routes, pairs, shapes, 0));
    }

    private void insertRows(long feedId, GtfsFeed feed) {
        database.jdbc()
                .sql("""
                        insert into mobility_gtfs_stop (feed_id, stop_id, lat, lon)
                        select :f, s, la, lo from unnest(:ids::text[], :lats::float8[], :lons::float8[]) as t(s, la, lo) on conflict do nothing""")
                .param("f", feedId)
                .param("ids", feed.stops().stream().map(GtfsFeed.Stop::id).toArray(String[]::new))
                .param("lats", feed.stops().stream().map(GtfsFeed.Stop::lat).toArray(Double[]::new))
                .param("lons", feed.stops().stream().map(GtfsFeed.Stop::lon).toArray(Double[]::new))
                .update();
        database.jdbc()
                .sql("""
                        insert into mobility_gtfs_route (feed_id, route_id, route_type, short_name)
                        select :f, r, ty, n from unnest(:ids::text[], :types::int[], :names::text[]) as t(r, ty, n) on conflict do nothing""")
                .param("f", feedId)
                .param("ids", feed.routes().stream().map(GtfsFeed.Route::id).toArray(String[]::new))
                .param("types", feed.routes().stream().map(GtfsFeed.Route::type).toArray(Integer[]::new))
                .param(
                        "names",
                        feed.routes().stream().map(GtfsFeed.Route::shortName).toArray(String[]::new))
                .update();
        database.jdbc()
                .sql("""
                        insert into mobility_gtfs_stop_route (feed_id, stop_id, route_id)
                        select :f, s, r from unnest(:stops::text[], :routes::text[]) as t(s, r)""")
                .param("f", feedId)
                .param(
                        "stops",
                        feed.stopRoutes().stream()
                                .map(GtfsFeed.StopRoute::stopId)
                                .toArray(String[]::new))
                .param(
                        "routes",
                        feed.stopRoutes().stream()
                                .map(GtfsFeed.StopRoute::routeId)
                                .toArray(String[]::new))
                .update();
        feed.shapes()
                .forEach((routeShape, path) -> database.jdbc()
                        .sql("""
                        insert into mobility_gtfs_route_shape (feed_id, route_id, shape_id, path) values (:f, :route, :shape, :path)""")
                        .param("f", feedId)
                        .param("route", routeShape.routeId())
                        .param("shape", routeShape.shapeId())
                        .param(
                                "path",
                                String.join(
                                        ",",
                                        path.stream()
                                                .map(p -> p[0] + " " + p[1])
                                                .toList()))
                        .update());
    }

    private static List<double[]> path(String text) {
        return java.util.Arrays.stream(text.split(","))
                .map(pair -> {
                    String[] latLon = pair.split(" ");
                    return new double[] {Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1])};
                })
                .toList();
    }

    private static String sha256(Path zip) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(zip), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code imported} false: the same bytes were imported before (feed {@code feedId}). */
    public record ImportOutcome(long feedId, boolean imported, String sha256) {}
}
