package eu.selfdata.energywater.importing;

import eu.selfdata.energywater.reading.CurvePoint;
import eu.selfdata.energywater.reading.DailyUse;
import eu.selfdata.energywater.reading.MaxPower;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import java.util.Collection;
import java.util.UUID;

/**
 * Writes a meter's readings in chunks of primitive arrays the server unnests, one statement per chunk. A day or a
 * step read again replaces the stored one: a file imported twice, or a delivery replayed, adds nothing.
 */
class ReadingStore {

    /** Readings per statement: a year of half-hours in two. */
    static final int CHUNK = 10_000;

    private static final long ABSENT = -1;

    private final CityDatabase city;

    ReadingStore(CityDatabase city) {
        this.city = city;
    }

    /** Writes days (at most one per day in a chunk: the caller keeps the last). */
    int daily(UUID meter, CitizenId citizen, String source, Collection<DailyUse> days) {
        int[] epochDays = new int[days.size()];
        long[] wattHours = new long[days.size()];
        long[] litres = new long[days.size()];
        int i = 0;
        for (DailyUse day : days) {
            epochDays[i] = Math.toIntExact(day.day().toEpochDay());
            wattHours[i] = day.wattHours().orElse(ABSENT);
            litres[i] = day.litres().orElse(ABSENT);
            i++;
        }
        return city.jdbc()
                .sql("""
                        insert into ew_daily (meter_id, citizen_id, day, watt_hours, litres, source)
                        select :meter, :citizen, date '1970-01-01' + d, nullif(wh, -1), nullif(l, -1), :source
                          from unnest(:days::int[], :wh::bigint[], :l::bigint[]) as r(d, wh, l)
                        on conflict (meter_id, day) do update
                           set watt_hours = coalesce(excluded.watt_hours, ew_daily.watt_hours),
                               litres = coalesce(excluded.litres, ew_daily.litres),
                               source = excluded.source, imported_at = now()""")
                .param("meter", meter)
                .param("citizen", citizen.value())
                .param("source", source)
                .param("days", epochDays)
                .param("wh", wattHours)
                .param("l", litres)
                .update();
    }

    int curve(UUID meter, CitizenId citizen, Collection<CurvePoint> points) {
        long[] ends = new long[points.size()];
        int[] steps = new int[points.size()];
        int[] watts = new int[points.size()];
        int i = 0;
        for (CurvePoint point : points) {
            ends[i] = point.end().getEpochSecond();
            steps[i] = point.stepMinutes();
            watts[i] = point.averageWatts();
            i++;
        }
        return city.jdbc()
                .sql("""
                        insert into ew_curve (meter_id, citizen_id, interval_end, step_minutes, average_watts)
                        select :meter, :citizen, to_timestamp(e), s, w
                          from unnest(:ends::bigint[], :steps::int[], :watts::int[]) as r(e, s, w)
                        on conflict (meter_id, interval_end) do update
                           set step_minutes = excluded.step_minutes, average_watts = excluded.average_watts""")
                .param("meter", meter)
                .param("citizen", citizen.value())
                .param("ends", ends)
                .param("steps", steps)
                .param("watts", watts)
                .update();
    }

    int maxPower(UUID meter, CitizenId citizen, Collection<MaxPower> days) {
        int[] epochDays = new int[days.size()];
        int[] voltAmperes = new int[days.size()];
        int i = 0;
        for (MaxPower day : days) {
            epochDays[i] = Math.toIntExact(day.day().toEpochDay());
            voltAmperes[i] = day.voltAmperes();
            i++;
        }
        return city.jdbc()
                .sql("""
                        insert into ew_max_power (meter_id, citizen_id, day, volt_amperes)
                        select :meter, :citizen, date '1970-01-01' + d, va
                          from unnest(:days::int[], :va::int[]) as r(d, va)
                        on conflict (meter_id, day) do update set volt_amperes = excluded.volt_amperes""")
                .param("meter", meter)
                .param("citizen", citizen.value())
                .param("days", epochDays)
                .param("va", voltAmperes)
                .update();
    }
}
