package eu.selfdata.waste.telemetry;

import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityTransactions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Time series of the city's smart bins, stored by the telemetry connector, and what the city of the
 * request should collect next.
 */
public class FillReadings {

    static final int FULL_ENOUGH = 80;

    private final CityTransactions jdbc;
    private final CityDatabase database;

    public FillReadings(CityTransactions jdbc, CityDatabase database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** Stores a reading once: the same bin and instant again (a redelivered message) is a no-op. */
    public boolean store(String city, FillReading reading) {
        return jdbc.call(
                city,
                client -> client.sql("""
                        insert into waste_bin_fill (bin_id, measured_at, fill_percent, temperature_c)
                        values (:bin, :at, :fill, :temperature) on conflict do nothing""")
                                .param("bin", reading.binId())
                                .param("at", Timestamp.from(reading.measuredAt()))
                                .param("fill", reading.fillPercent())
                                .param("temperature", reading.temperatureCelsius())
                                .update()
                        == 1);
    }

    /**
     * Bins whose latest reading is at least {@value #FULL_ENOUGH} %, fullest first, with when they
     * will be full at the pace of their last two readings.
     */
    public List<BinToCollect> toCollect() {
        return database.jdbc()
                .sql("""
                        select bin_id, fill_percent, temperature_c, measured_at, previous_fill, previous_at
                          from (select bin_id, fill_percent, temperature_c, measured_at,
                                       lag(fill_percent) over w as previous_fill, lag(measured_at) over w as previous_at,
                                       row_number() over (partition by bin_id order by measured_at desc) as latest
                                  from waste_bin_fill
                                 where measured_at > now() - interval '7 days'
                                window w as (partition by bin_id order by measured_at)) readings
                         where latest = 1 and fill_percent >= :threshold
                         order by fill_percent desc, bin_id""")
                .param("threshold", FULL_ENOUGH)
                .query((rs, row) -> {
                    Instant at = rs.getTimestamp("measured_at").toInstant();
                    Timestamp previousAt = rs.getTimestamp("previous_at");
                    int fill = rs.getInt("fill_percent");
                    Integer previousFill = rs.getObject("previous_fill", Integer.class);
                    return new BinToCollect(
                            rs.getString("bin_id"),
                            fill,
                            rs.getBigDecimal("temperature_c"),
                            at,
                            fullAt(fill, at, previousFill, previousAt == null ? null : previousAt.toInstant()));
                })
                .list();
    }

    private static Instant fullAt(int fill, Instant at, Integer previousFill, Instant previousAt) {
        if (fill >= 100) {
            return at;
        }
        if (previousFill == null || previousFill >= fill || !previousAt.isBefore(at)) {
            return null;
        }
        double percentPerSecond = (fill - previousFill)
                / (double) Duration.between(previousAt, at).toSeconds();
        return at.plusSeconds((long) ((100 - fill) / percentPerSecond));
    }

    /**
     * @param fullAt when the bin will be full at its recent pace (null when it is not filling)
     */
    public record BinToCollect(
            String binId, int fillPercent, BigDecimal temperatureCelsius, Instant measuredAt, Instant fullAt) {

        public String suggestion() {
            if (fillPercent >= 95 || (fullAt != null && fullAt.isBefore(measuredAt.plus(Duration.ofHours(12))))) {
                return "collect-today";
            }
            return "collect-next-round";
        }
    }
}
