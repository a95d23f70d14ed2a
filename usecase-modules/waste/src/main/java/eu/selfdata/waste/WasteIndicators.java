package eu.selfdata.waste;

import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.NoiseBudget;
import java.util.List;

/**
 * What the city sees of its citizens' weighings, only through the core's aggregates (consent, k, and
 * noise within each indicator's budget: ε = 1; a household adds at most the cap to a group).
 */
public final class WasteIndicators {

    public static final CityIndicator TONNAGE_PER_STREAM_MONTH = new CityIndicator(
            "waste-tonnage-per-stream-month",
            new LocalizedText(
                    "Tonnage par flux et par mois (participants)", "Tonnage per stream per month (participants)"),
            new LocalizedText("kg", "kg"),
            WastePurposes.CITY_STATISTICS,
            WastePurposes.CATEGORY_WEIGHINGS,
            """
            select to_char(collected_at at time zone 'Europe/Paris', 'YYYY-MM') || ' ' || lower(stream) as group_key,
                   citizen_id, grams / 1000.0 as value
              from waste_weighing""",
            CityIndicator.Measure.SUM,
            new NoiseBudget(1, 150));

    /** Kilograms per participant and month: the city average a citizen compares with. */
    public static final CityIndicator KG_PER_PARTICIPANT_MONTH = new CityIndicator(
            "waste-kg-per-participant-month",
            new LocalizedText("Kilos par participant et par mois", "Kilograms per participant per month"),
            new LocalizedText("kg", "kg"),
            WastePurposes.CITY_STATISTICS,
            WastePurposes.CATEGORY_WEIGHINGS,
            """
            select to_char(collected_at at time zone 'Europe/Paris', 'YYYY-MM') as group_key,
                   citizen_id, grams / 1000.0 as value
              from waste_weighing""",
            CityIndicator.Measure.MEAN_PER_PARTICIPANT,
            new NoiseBudget(1, 250));

    /** How many participants sort how well over the last 12 months (share of non-residual mass). */
    public static final CityIndicator SORTING_RATE_DISTRIBUTION = new CityIndicator(
            "waste-sorting-rate-distribution",
            new LocalizedText("Répartition des taux de tri (12 mois)", "Sorting rate distribution (12 months)"),
            new LocalizedText("participants", "participants"),
            WastePurposes.CITY_STATISTICS,
            WastePurposes.CATEGORY_WEIGHINGS,
            """
            select case when rate < 0.2 then '0-20%' when rate < 0.4 then '20-40%' when rate < 0.6 then '40-60%'
                        when rate < 0.8 then '60-80%' else '80-100%' end as group_key,
                   citizen_id, 1 as value
              from (select citizen_id,
                           sum(grams) filter (where stream <> 'RESIDUAL')::numeric / nullif(sum(grams), 0) as rate
                      from waste_weighing where collected_at > now() - interval '12 months'
                     group by citizen_id) rates
             where rate is not null""",
            CityIndicator.Measure.PARTICIPANTS,
            new NoiseBudget(1, 1));

    public static final List<CityIndicator> ALL =
            List.of(TONNAGE_PER_STREAM_MONTH, KG_PER_PARTICIPANT_MONTH, SORTING_RATE_DISTRIBUTION);

    private WasteIndicators() {}
}
