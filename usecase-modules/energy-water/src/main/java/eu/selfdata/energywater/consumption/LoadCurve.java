package eu.selfdata.energywater.consumption;

import eu.selfdata.energywater.meter.Meter;
import eu.selfdata.energywater.meter.Meters;
import eu.selfdata.energywater.reading.CurvePoint;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CommonProblems;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The 30-minute (or finer) curve of one of the citizen's electricity meters, a month at most per read. */
public class LoadCurve {

    static final int MAX_DAYS = 31;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final CityDatabase city;
    private final Meters meters;

    public LoadCurve(CityDatabase city, Meters meters) {
        this.city = city;
        this.meters = meters;
    }

    /** The steps whose interval starts on a day from {@code from} to {@code to} (local days). */
    public List<CurvePoint> of(CitizenId citizen, UUID meterId, LocalDate from, LocalDate to) {
        Meter meter = meters.require(citizen, meterId);
        if (meter.fluid() != Fluid.ELECTRICITY) {
            throw CommonProblems.INVALID_REQUEST.exception("only an electricity meter has a load curve");
        }
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw CommonProblems.INVALID_REQUEST.exception("a load curve is read " + MAX_DAYS + " days at most");
        }
        return city.jdbc()
                .sql("""
                        select interval_end, step_minutes, average_watts from ew_curve
                         where meter_id = :meter and citizen_id = :citizen
                           and interval_end - make_interval(mins => step_minutes) >= :from
                           and interval_end - make_interval(mins => step_minutes) < :to
                         order by interval_end""")
                .param("meter", meter.id())
                .param("citizen", citizen.value())
                .param("from", Timestamp.from(from.atStartOfDay(PARIS).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(PARIS).toInstant()))
                .query((row, number) -> new CurvePoint(
                        row.getTimestamp("interval_end").toInstant(),
                        row.getInt("step_minutes"),
                        row.getInt("average_watts")))
                .list();
    }
}
