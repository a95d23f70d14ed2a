package eu.selfdata.mobility.carbon;

import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.usecase.api.CityDatabase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The current city's factor choices (a shipped set and per-mode overrides) in its schema. Each
 * change bumps the city's revision, so the version stored beside a result names exactly the table
 * it was computed with; every version used is kept in {@code mobility_factor_version}.
 */
public class CityFactors {

    private final CityDatabase database;

    public CityFactors(CityDatabase database) {
        this.database = database;
    }

    /** The factors in force, their version recorded. */
    public EmissionFactors current() {
        var settings = database.jdbc()
                .sql("select factor_set, factor_revision from mobility_settings")
                .query((rs, row) -> new Object[] {rs.getString(1), rs.getInt(2)})
                .single();
        FactorSet set = FactorSet.shipped((String) settings[0])
                .orElseThrow(() -> new IllegalStateException("unknown factor set " + settings[0]));
        Map<TravelMode, Double> overrides = new EnumMap<>(TravelMode.class);
        database.jdbc()
                .sql("select mode, g_per_pkm from mobility_factor_override")
                .query((rs, row) -> overrides.put(TravelMode.valueOf(rs.getString(1)), rs.getDouble(2)))
                .list();
        EmissionFactors factors = EmissionFactors.of(set, (Integer) settings[1], overrides);
        database.jdbc()
                .sql(
                        "insert into mobility_factor_version (version, factors) values (:version, :factors) on conflict do nothing")
                .param("version", factors.version())
                .param("factors", set.source() + " | " + factors.describe())
                .update();
        return factors;
    }

    /** Switches to a shipped set and replaces the overrides; a new revision. */
    public EmissionFactors choose(String setId, Map<TravelMode, Double> overrides) {
        FactorSet.shipped(setId)
                .orElseThrow(() -> new IllegalArgumentException("unknown factor set '" + setId + "'; shipped: "
                        + FactorSet.SHIPPED.stream().map(FactorSet::id).toList()));
        overrides.forEach((mode, factor) -> {
            if (mode == TravelMode.UNKNOWN || factor == null || factor < 0 || factor.isNaN()) {
                throw new IllegalArgumentException(
                        "an override is a known mode with a factor of zero or more: " + mode + "=" + factor);
            }
        });
        database.jdbc()
                .sql("update mobility_settings set factor_set = :set, factor_revision = factor_revision + 1")
                .param("set", setId)
                .update();
        database.jdbc().sql("delete from mobility_factor_override").update();
        overrides.forEach((mode, factor) -> database.jdbc()
                .sql("insert into mobility_factor_override (mode, g_per_pkm) values (:mode, :factor)")
                .param("mode", mode.name())
                .param("factor", factor)
                .update());
        return current();
    }

    public List<FactorSet> shipped() {
        return FactorSet.SHIPPED;
    }
}
