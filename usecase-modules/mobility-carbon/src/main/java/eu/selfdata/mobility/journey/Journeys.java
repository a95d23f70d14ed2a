package eu.selfdata.mobility.journey;

import eu.selfdata.mobility.carbon.CityFactors;
import eu.selfdata.mobility.carbon.EmissionFactors;
import eu.selfdata.mobility.carbon.StoredEmissions;
import eu.selfdata.mobility.transit.CityTransit;
import eu.selfdata.mobility.trip.Leg;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.mobility.trip.Segmenter;
import eu.selfdata.mobility.trip.SpeedModeRules;
import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.mobility.trip.Trip;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A citizen's trips and legs in the city schema, derived from their points: recomputed over the
 * span new points touch, with the citizen's corrections kept (a correction wins over inference).
 */
public class Journeys implements StoredEmissions {

    private final CityDatabase database;
    private final SegmentationSettings settings;
    private final CityFactors factors;
    private final CityTransit transit;
    private final TraceSource points;

    public Journeys(
            CityDatabase database,
            SegmentationSettings settings,
            CityFactors factors,
            CityTransit transit,
            TraceSource points) {
        this.database = database;
        this.points = points;
        this.settings = settings;
        this.factors = factors;
        this.transit = transit;
    }

    /**
     * Re-segments the citizen's points around {@code from..to}: the span grows by a dwell on each
     * side (to see the stays that bound the trips) and to every stored trip it overlaps, whose rows
     * are replaced. Runs in the caller's transaction.
     *
     * @return how many trips the span now holds
     */
    public int refresh(CitizenId citizen, Instant from, Instant to) {
        return refresh(citizen, from, to, null);
    }

    /**
     * As {@link #refresh(CitizenId, Instant, Instant)}, given the span's points when the caller
     * knows they are all there is (an upload into an empty span): they are not read back.
     */
    public int refresh(CitizenId citizen, Instant from, Instant to, Trace known) {
        Instant start = from.minus(margin());
        Instant end = to.plus(margin());
        var overlapped = database.jdbc()
                .sql("""
                        select min(started_at), max(ended_at) from mobility_trip
                        where citizen_id = :citizen and ended_at >= :from and started_at <= :to""")
                .param("citizen", citizen.value())
                .param("from", Timestamp.from(start))
                .param("to", Timestamp.from(end))
                .query((rs, row) -> new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)})
                .single();
        if (overlapped[0] != null) {
            start = min(start, overlapped[0].toInstant());
            end = max(end, overlapped[1].toInstant());
        }
        List<Correction> corrections = corrections(citizen, start, end);
        database.jdbc()
                .sql(
                        "delete from mobility_trip where citizen_id = :citizen and ended_at >= :from and started_at <= :to")
                .param("citizen", citizen.value())
                .param("from", Timestamp.from(start))
                .param("to", Timestamp.from(end))
                .update();
        Trace trace = known != null && overlapped[0] == null ? known : points.load(citizen, start, end);
        List<Trip> trips = new Segmenter(settings, new SpeedModeRules(transit.network())).segment(trace);
        EmissionFactors current = factors.current();
        trips.forEach(trip -> store(citizen, trip, corrections, current));
        return trips.size();
    }

    /** How far around new points the stays that bound their trips are looked for. */
    public Duration margin() {
        return settings.stayDwell().multipliedBy(2);
    }

    public List<TripView> list(CitizenId citizen, Instant from, Instant to) {
        List<Long> ids = database.jdbc()
                .sql("""
                        select id from mobility_trip where citizen_id = :citizen and started_at >= :from and started_at < :to
                        order by started_at""")
                .param("citizen", citizen.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Long.class)
                .list();
        return views(citizen, ids);
    }

    /** The citizen's {@code count} latest trips, newest first. */
    public List<TripView> latest(CitizenId citizen, int count) {
        List<Long> ids = database.jdbc()
                .sql("select id from mobility_trip where citizen_id = :citizen order by started_at desc limit :count")
                .param("citizen", citizen.value())
                .param("count", count)
                .query(Long.class)
                .list();
        return views(citizen, ids).reversed();
    }

    public Optional<TripView> find(CitizenId citizen, long tripId) {
        return views(citizen, List.of(tripId)).stream().findFirst();
    }

    /** Sets the citizen's own mode for a leg and recomputes its CO2e; empty when the leg is not theirs. */
    public Optional<TripView> correct(CitizenId citizen, long legId, TravelMode mode) {
        Optional<Long> trip = database.jdbc()
                .sql("""
                        update mobility_leg set corrected_mode = :mode where id = :leg and citizen_id = :citizen returning trip_id""")
                .param("mode", mode.name())
                .param("leg", legId)
                .param("citizen", citizen.value())
                .query(Long.class)
                .optional();
        trip.ifPresent(id -> emit(citizen, legId, factors.current()));
        return trip.flatMap(id -> find(citizen, id));
    }

    /** Computes every leg of the city again with the factors in force; old results stay in the history. */
    @Override
    public int recomputeAll() {
        EmissionFactors current = factors.current();
        List<Object[]> legs = database.jdbc()
                .sql("select id, citizen_id from mobility_leg where factor_version is distinct from :version")
                .param("version", current.version())
                .query((rs, row) -> new Object[] {rs.getLong(1), rs.getObject(2, java.util.UUID.class)})
                .list();
        legs.forEach(leg -> emit(new CitizenId((java.util.UUID) leg[1]), (Long) leg[0], current));
        return legs.size();
    }

    /** Every CO2e computed for one of the citizen's legs, oldest first: which factor version gave which grams. */
    public List<EmissionRecord> history(CitizenId citizen, long legId) {
        return database.jdbc()
                .sql("""
                        select factor_version, mode, co2e_g, computed_at from mobility_leg_emission
                        where leg_id = :leg and citizen_id = :citizen order by computed_at, factor_version""")
                .param("leg", legId)
                .param("citizen", citizen.value())
                .query((rs, row) -> {
                    long grams = rs.getLong(3);
                    Long co2e = rs.wasNull() ? null : grams;
                    return new EmissionRecord(
                            rs.getString(1),
                            TravelMode.valueOf(rs.getString(2)),
                            co2e,
                            rs.getTimestamp(4).toInstant());
                })
                .list();
    }

    public record EmissionRecord(String factorVersion, TravelMode mode, Long co2eG, Instant computedAt) {}

    private void store(CitizenId citizen, Trip trip, List<Correction> corrections, EmissionFactors current) {
        long tripId = database.jdbc()
                .sql("""
                        insert into mobility_trip (citizen_id, started_at, ended_at, distance_m, origin_lat, origin_lon, dest_lat, dest_lon)
                        values (:citizen, :start, :end, :distance, :olat, :olon, :dlat, :dlon) returning id""")
                .param("citizen", citizen.value())
                .param("start", timestamp(trip.startMilli()))
                .param("end", timestamp(trip.endMilli()))
                .param("distance", Math.round(trip.distanceM()))
                .param("olat", trip.first().startLat())
                .param("olon", trip.first().startLon())
                .param("dlat", trip.last().endLat())
                .param("dlon", trip.last().endLon())
                .query(Long.class)
                .single();
        for (Leg leg : trip.legs()) {
            TravelMode corrected = corrections.stream()
                    .filter(correction -> correction.matches(leg))
                    .map(Correction::mode)
                    .findFirst()
                    .orElse(null);
            long legId = database.jdbc()
                    .sql("""
                            insert into mobility_leg (trip_id, citizen_id, started_at, ended_at, distance_m, median_speed_mps, p95_speed_mps,
                                                      inferred_mode, corrected_mode)
                            values (:trip, :citizen, :start, :end, :distance, :median, :p95, :inferred, :corrected) returning id""")
                    .param("trip", tripId)
                    .param("citizen", citizen.value())
                    .param("start", timestamp(leg.startMilli()))
                    .param("end", timestamp(leg.endMilli()))
                    .param("distance", Math.round(leg.distanceM()))
                    .param("median", leg.medianSpeedMps())
                    .param("p95", leg.p95SpeedMps())
                    .param("inferred", leg.mode().name())
                    .param("corrected", corrected == null ? null : corrected.name())
                    .query(Long.class)
                    .single();
            emit(citizen, legId, current);
        }
    }

    /** Computes the leg's CO2e with these factors, records it in the history and on the leg. */
    private void emit(CitizenId citizen, long legId, EmissionFactors current) {
        var leg = database.jdbc()
                .sql("select coalesce(corrected_mode, inferred_mode), distance_m from mobility_leg where id = :leg")
                .param("leg", legId)
                .query((rs, row) -> new Object[] {TravelMode.valueOf(rs.getString(1)), rs.getLong(2)})
                .single();
        TravelMode mode = (TravelMode) leg[0];
        OptionalLong grams = current.co2eGrams(mode, (Long) leg[1]);
        Long co2e = grams.isPresent() ? grams.getAsLong() : null;
        database.jdbc()
                .sql("""
                        insert into mobility_leg_emission (leg_id, citizen_id, factor_version, mode, co2e_g) values (:leg, :citizen, :version, :mode, :co2e)
                        on conflict (leg_id, factor_version, mode) do update set co2e_g = excluded.co2e_g, computed_at = now()""")
                .param("leg", legId)
                .param("citizen", citizen.value())
                .param("version", current.version())
                .param("mode", mode.name())
                .param("co2e", co2e)
                .update();
        database.jdbc()
                .sql("update mobility_leg set co2e_g = :co2e, factor_version = :version where id = :leg")
                .param("co2e", co2e)
                .param("version", current.version())
                .param("leg", legId)
                .update();
    }

    private List<Correction> corrections(CitizenId citizen, Instant from, Instant to) {
        return database.jdbc()
                .sql("""
                        select started_at, ended_at, corrected_mode from mobility_leg
                        where citizen_id = :citizen and corrected_mode is not null and ended_at >= :from and started_at <= :to""")
                .param("citizen", citizen.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new Correction(
                        rs.getTimestamp(1).getTime(),
                        rs.getTimestamp(2).getTime(),
                        TravelMode.valueOf(rs.getString(3))))
                .list();
    }

    /**
     * A citizen's mode for a leg as it was stored. Re-segmenting may move a leg's ends by a few seconds
     * (its boundary is estimated between fixes): the correction goes to the new leg that shares more
     * than half of its time with the old one, and more than half of its own.
     */
    private record Correction(long startMilli, long endMilli, TravelMode mode) {

        boolean matches(Leg leg) {
            long shared = Math.min(endMilli, leg.endMilli()) - Math.max(startMilli, leg.startMilli());
            return 2 * shared > endMilli - startMilli && 2 * shared > leg.endMilli() - leg.startMilli();
        }
    }

    private List<TripView> views(CitizenId citizen, List<Long> tripIds) {
        if (tripIds.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TripView.LegView>> legs = new LinkedHashMap<>();
        database.jdbc()
                .sql("""
                        select trip_id, id, started_at, ended_at, distance_m, median_speed_mps, inferred_mode, corrected_mode, co2e_g, factor_version
                        from mobility_leg where citizen_id = :citizen and trip_id in (:trips) order by started_at""")
                .param("citizen", citizen.value())
                .param("trips", tripIds)
                .query((rs, row) -> {
                    TravelMode inferred = TravelMode.valueOf(rs.getString(7));
                    TravelMode corrected = rs.getString(8) == null ? null : TravelMode.valueOf(rs.getString(8));
                    long co2e = rs.getLong(9);
                    Long grams = rs.wasNull() ? null : co2e;
                    return legs.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new TripView.LegView(
                                    rs.getLong(2),
                                    rs.getTimestamp(3).toInstant(),
                                    rs.getTimestamp(4).toInstant(),
                                    rs.getLong(5),
                                    rs.getDouble(6),
                                    inferred,
                                    corrected,
                                    corrected != null ? corrected : inferred,
                                    grams,
                                    rs.getString(10)));
                })
                .list();
        return database.jdbc()
                .sql("""
                        select id, started_at, ended_at, distance_m from mobility_trip where citizen_id = :citizen and id in (:trips) order by started_at""")
                .param("citizen", citizen.value())
                .param("trips", tripIds)
                .query((rs, row) -> {
                    List<TripView.LegView> tripLegs = legs.getOrDefault(rs.getLong(1), List.of());
                    Long co2e = tripLegs.stream().allMatch(leg -> leg.co2eG() == null)
                            ? null
                            : tripLegs.stream()
                                    .mapToLong(leg -> leg.co2eG() == null ? 0 : leg.co2eG())
                                    .sum();
                    return new TripView(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(),
                            rs.getLong(4),
                            co2e,
                            tripLegs);
                })
                .list();
    }

    private static Timestamp timestamp(long epochMilli) {
        return new Timestamp(epochMilli);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
