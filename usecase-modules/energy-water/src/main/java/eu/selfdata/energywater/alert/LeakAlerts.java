package eu.selfdata.energywater.alert;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CitizenMail;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CommonProblems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Leak alerts on water: the citizen sets a daily threshold in litres; every import of a water meter raises an
 * alert for each day it brings above it (once per meter and day), mailed to the citizen once the import is committed
 * and shown on the portal until marked seen.
 */
public class LeakAlerts {

    static final int MAX_THRESHOLD = 100_000;
    /** The alerts one read lists, latest first. */
    static final int LISTED = 50;
    /** The days one mail names; the rest are on the portal. */
    static final int MAILED_DAYS = 5;

    private final CityDatabase city;
    private final CitizenMail mail;

    public LeakAlerts(CityDatabase city, CitizenMail mail) {
        this.city = city;
        this.mail = mail;
    }

    public OptionalInt threshold(CitizenId citizen) {
        Optional<Integer> litres = city.jdbc()
                .sql("select litres_per_day from ew_water_threshold where citizen_id = :citizen")
                .param("citizen", citizen.value())
                .query(Integer.class)
                .optional();
        return litres.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    public void setThreshold(CitizenId citizen, Integer litresPerDay) {
        if (litresPerDay == null || litresPerDay < 1 || litresPerDay > MAX_THRESHOLD) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "a daily water threshold is 1 to " + MAX_THRESHOLD + " litres");
        }
        city.jdbc()
                .sql("""
                        insert into ew_water_threshold (citizen_id, litres_per_day) values (:citizen, :litres)
                        on conflict (citizen_id) do update set litres_per_day = excluded.litres_per_day, updated_at = now()""")
                .param("citizen", citizen.value())
                .param("litres", litresPerDay)
                .update();
    }

    /** No more alerts; those raised stay until seen or erased. */
    public void clearThreshold(CitizenId citizen) {
        city.jdbc()
                .sql("delete from ew_water_threshold where citizen_id = :citizen")
                .param("citizen", citizen.value())
                .update();
    }

    /** Raises the alerts of the days an import of a water meter brought, in the import's transaction; returns the new ones. */
    public List<LeakAlert> raise(CitizenId citizen, UUID meter, LocalDate first, LocalDate last) {
        if (first == null) {
            return List.of();
        }
        return city.jdbc()
                .sql("""
                        insert into ew_alert (citizen_id, meter_id, day, litres, threshold)
                        select d.citizen_id, d.meter_id, d.day, d.litres, t.litres_per_day
                          from ew_daily d join ew_water_threshold t on t.citizen_id = d.citizen_id
                         where d.meter_id = :meter and d.citizen_id = :citizen and d.day between :first and :last
                           and d.litres > t.litres_per_day
                        on conflict (meter_id, day) do nothing
                        returning id, meter_id, day, litres, threshold, raised_at, seen_at""")
                .param("meter", meter)
                .param("citizen", citizen.value())
                .param("first", first)
                .param("last", last)
                .query(LeakAlerts::alert)
                .list();
    }

    /**
     * Mails the citizen the alerts one import raised, in one mail naming the latest days (once the import is
     * committed: a refused file warns of nothing).
     */
    public void tell(CitizenId citizen, List<LeakAlert> raised) {
        if (raised.isEmpty()) {
            return;
        }
        String days = raised.stream()
                .sorted(Comparator.comparing(LeakAlert::day).reversed())
                .limit(MAILED_DAYS)
                .map(alert -> alert.day() + " (" + alert.litres() + " L)")
                .collect(Collectors.joining(", "));
        mail.send(
                citizen,
                "energy-water.mail.leak.subject",
                "energy-water.mail.leak.body",
                raised.size(),
                raised.getFirst().threshold(),
                days);
    }

    /** The citizen's alerts, those not yet seen first, then the latest. */
    public List<LeakAlert> of(CitizenId citizen) {
        return city.jdbc()
                .sql("""
                        select id, meter_id, day, litres, threshold, raised_at, seen_at from ew_alert
                         where citizen_id = :citizen order by seen_at is not null, day desc limit :listed""")
                .param("citizen", citizen.value())
                .param("listed", LISTED)
                .query(LeakAlerts::alert)
                .list();
    }

    private static LeakAlert alert(ResultSet row, int number) throws SQLException {
        return new LeakAlert(
                row.getLong("id"),
                row.getObject("meter_id", UUID.class),
                row.getObject("day", LocalDate.class),
                row.getLong("litres"),
                row.getInt("threshold"),
                row.getTimestamp("raised_at").toInstant(),
                Optional.ofNullable(row.getTimestamp("seen_at"))
                        .map(Timestamp::toInstant)
                        .orElse(null));
    }

    /** Marks one of the citizen's alerts seen; another's, or none, is not found. */
    public void markSeen(CitizenId citizen, long id) {
        int marked = city.jdbc()
                .sql("update ew_alert set seen_at = coalesce(seen_at, now()) where id = :id and citizen_id = :citizen")
                .param("id", id)
                .param("citizen", citizen.value())
                .update();
        if (marked == 0) {
            throw CommonProblems.NOT_FOUND.exception("no such alert");
        }
    }
}
