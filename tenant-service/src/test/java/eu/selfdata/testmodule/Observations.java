package eu.selfdata.testmodule;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import java.math.BigDecimal;
import java.util.List;

/** The test module's one service: a citizen's observations in the city of the request (its API and its page share it). */
public class Observations {

    private final CityDatabase database;

    public Observations(CityDatabase database) {
        this.database = database;
    }

    public void add(CitizenId citizen, Observation observation) {
        database.jdbc()
                .sql("insert into observation (citizen_id, kind, value) values (?, ?, ?)")
                .params(citizen.value(), observation.kind(), observation.value())
                .update();
    }

    public List<Observation> of(CitizenId citizen) {
        return database.jdbc()
                .sql("select kind, value from observation where citizen_id = ? order by id")
                .param(citizen.value())
                .query((rs, row) -> new Observation(rs.getString(1), rs.getBigDecimal(2)))
                .list();
    }

    public record Observation(String kind, BigDecimal value) {}
}
