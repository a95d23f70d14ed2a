package eu.selfdata.testmodule;

import eu.selfdata.usecase.api.CurrentCitizen;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The test module's citizen endpoints, under /api/{module id}/ like every module's. */
@RestController
@RequestMapping("/api/observations")
public class ObservationController {

    private final Observations observations;
    private final CurrentCitizen citizen;

    public ObservationController(Observations observations, CurrentCitizen citizen) {
        this.observations = observations;
        this.citizen = citizen;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    void add(@RequestBody Observations.Observation observation) {
        observations.add(citizen.require(), observation);
    }

    @GetMapping
    List<Observations.Observation> mine() {
        return observations.of(citizen.require());
    }
}
