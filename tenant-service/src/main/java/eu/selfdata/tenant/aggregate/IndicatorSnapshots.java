package eu.selfdata.tenant.aggregate;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.IndicatorResult;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Computed indicators kept for the city's dashboards: aggregates only, never a row about a person. */
@Component
class IndicatorSnapshots {

    private static final TypeReference<List<IndicatorResult.Cell>> CELLS = new TypeReference<>() {};

    private final CityJdbc city;
    private final JsonMapper json;

    IndicatorSnapshots(CityJdbc city, JsonMapper json) {
        this.city = city;
        this.json = json;
    }

    void save(String moduleId, IndicatorResult result) {
        city.jdbc()
                .sql(
                        "insert into indicator_snapshot (module_id, indicator_id, computed_at, min_group_size, cells) values (?, ?, ?, ?, ?::jsonb)")
                .params(
                        moduleId,
                        result.indicatorId(),
                        Timestamp.from(result.computedAt()),
                        result.minGroupSize(),
                        json.writeValueAsString(result.cells()))
                .update();
    }

    Optional<IndicatorResult> latest(String moduleId, String indicatorId) {
        return city.jdbc()
                .sql("""
                        select computed_at, min_group_size, cells from indicator_snapshot
                         where module_id = ? and indicator_id = ? order by computed_at desc, id desc limit 1""")
                .params(moduleId, indicatorId)
                .query((rs, row) -> new IndicatorResult(
                        indicatorId,
                        rs.getTimestamp(1).toInstant(),
                        rs.getInt(2),
                        json.readValue(rs.getString(3), CELLS)))
                .optional();
    }
}
