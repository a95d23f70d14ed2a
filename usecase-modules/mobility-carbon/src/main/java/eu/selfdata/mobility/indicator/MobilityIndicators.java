package eu.selfdata.mobility.indicator;

import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.NoiseBudget;
import java.util.List;

/**
 * What the city may see of its citizens' mobility, only through the platform's aggregate service:
 * consenting citizens only, groups under the city's k suppressed, the others noised within each
 * indicator's budget (ε = 1 per cell and publication; caps bound what one citizen adds to a group).
 * Days and weeks are the city's (its time zone in the module settings).
 */
public final class MobilityIndicators {

    public static final String PURPOSE = "mobility-city-planning";
    public static final String CATEGORY = "trips";
    /** Origin-destination cells: 0.02° of latitude and longitude, about 2.2 km × 1.5 km at 46° N. */
    static final double CELL_DEGREES = 0.02;

    private MobilityIndicators() {}

    public static List<CityIndicator> all() {
        return List.of(
                new CityIndicator(
                        "mobility-modal-split-km",
                        new LocalizedText(
                                "Répartition modale (km parcourus par mode)", "Modal split (km travelled per mode)"),
                        new LocalizedText("km", "km"),
                        PURPOSE,
                        CATEGORY,
                        """
                        select coalesce(corrected_mode, inferred_mode) as group_key, citizen_id, distance_m / 1000.0 as value
                        from mobility_leg""",
                        CityIndicator.Measure.SUM,
                        new NoiseBudget(1, 2000)),
                new CityIndicator(
                        "mobility-co2e-per-participant-week",
                        new LocalizedText(
                                "CO2e des trajets par participant et par semaine",
                                "Trip CO2e per participant per week"),
                        new LocalizedText("kg CO2e", "kg CO2e"),
                        PURPOSE,
                        CATEGORY,
                        """
                        select to_char(l.started_at at time zone s.time_zone, 'IYYY-"W"IW') as group_key, l.citizen_id,
                               coalesce(l.co2e_g, 0) / 1000.0 as value
                        from mobility_leg l cross join mobility_settings s""",
                        CityIndicator.Measure.MEAN_PER_PARTICIPANT,
                        new NoiseBudget(1, 100)),
                new CityIndicator(
                        "mobility-trips-per-day",
                        new LocalizedText("Trajets par jour", "Trips per day"),
                        new LocalizedText("trajets", "trips"),
                        PURPOSE,
                        CATEGORY,
                        """
                        select ((t.started_at at time zone s.time_zone)::date)::text as group_key, t.citizen_id, 1 as value
                        from mobility_trip t cross join mobility_settings s""",
                        CityIndicator.Measure.SUM,
                        new NoiseBudget(1, 10)),
                new CityIndicator(
                        "mobility-origin-destination",
                        new LocalizedText(
                                "Origines et destinations (maille de 0,02°)", "Origins and destinations (0.02° grid)"),
                        new LocalizedText("trajets", "trips"),
                        PURPOSE,
                        CATEGORY,
                        """
                        select concat(floor(origin_lat / %1$s)::bigint, ':', floor(origin_lon / %1$s)::bigint, '>',
                                      floor(dest_lat / %1$s)::bigint, ':', floor(dest_lon / %1$s)::bigint) as group_key,
                               citizen_id, 1 as value
                        from mobility_trip""".formatted(CELL_DEGREES),
                        CityIndicator.Measure.SUM,
                        new NoiseBudget(1, 20)));
    }
}
