package eu.selfdata.tenant.aggregate;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.IndicatorResult;
import eu.selfdata.usecase.api.NoiseBudget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published indicators, the only figures anyone reads about the city's citizens: aggregates only
 * (noised, rounded, small groups suppressed), never a row about a person. The latest snapshot is what
 * the dashboards and the citizens' comparisons show until the next publication.
 */
@Component
class IndicatorSnapshots {

    private static final TypeReference<List<IndicatorResult.Cell>> CELLS = new TypeReference<>() {};
    private static final String COLUMNS = "indicator_id, computed_at, min_group_size, epsilon, contribution_cap, cells";

    private final CityJdbc city;
    private final JsonMapper json;

    IndicatorSnapshots(CityJdbc city, JsonMapper json) {
        this.city = city;
        this.json = json;
    }

    void save(String moduleId, IndicatorResult result) {
        city.jdbc()
                .sql("insert into indicator_snapshot (module_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?::jsonb)")
                .params(
                        moduleId,
                        result.indicatorId(),
                        Timestamp.from(result.computedAt()),
                        result.minGroupSize(),
                        result.noise().epsilon(),
                        result.noise().contributionCap(),
                        json.writeValueAsString(result.cells()))
                .update();
    }

    Optional<IndicatorResult> latest(String moduleId, String indicatorId) {
        return city.jdbc()
                .sql("select " + COLUMNS + " from indicator_snapshot where module_id = ? and indicator_id = ?"
                        + " order by computed_at desc, id desc limit 1")
                .params(moduleId, indicatorId)
                .query(this::result)
                .optional();
    }

    /** The latest publication of an indicator, whichever module declares it (indicator ids carry the module's). */
    Optional<IndicatorResult> published(String indicatorId) {
        return city.jdbc()
                .sql("select " + COLUMNS + " from indicator_snapshot where indicator_id = ?"
                        + " order by computed_at desc, id desc limit 1")
                .param(indicatorId)
                .query(this::result)
                .optional();
    }

    private IndicatorResult result(ResultSet rs, int row) throws SQLException {
        return new IndicatorResult(
                rs.getString(1),
                rs.getTimestamp(2).toInstant(),
                rs.getInt(3),
                new NoiseBudget(rs.getDouble(4), rs.getDouble(5)),
                json.readValue(rs.getString(6), CELLS));
    }
}
