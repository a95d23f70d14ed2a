package eu.selfdata.testmodule;

import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** The test module's citizen endpoints, under /api/{module id}/ like every module's. */
@RestController
@RequestMapping("/api/observations")
public class ObservationController {

    private final CityDatabase database;
    private final CurrentCitizen citizen;

    public ObservationController(CityDatabase database, CurrentCitizen citizen) {
        this.database = database;
        this.citizen = citizen;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    void add(@RequestBody Observation observation) {
        database.jdbc().sql("insert into observation (citizen_id, kind, value) values (?, ?, ?)")
                .params(citizen.require().value(), observation.kind(), observation.value()).update();
    }

    @GetMapping
    List<Observation> mine() {
        return database.jdbc().sql("select kind, value from observation where citizen_id = ? order by id")
                .param(citizen.require().value())
                .query((rs, row) -> new Observation(rs.getString(1), rs.getBigDecimal(2))).list();
    }

    public record Observation(String kind, BigDecimal value) {
    }
}
