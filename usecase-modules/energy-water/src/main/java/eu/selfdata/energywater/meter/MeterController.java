package eu.selfdata.energywater.meter;

import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CurrentCitizen;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in citizen's meters. */
@RestController
@RequestMapping("/api/energy-water/meters")
public class MeterController {

    private final Meters meters;
    private final CurrentCitizen citizen;

    public MeterController(Meters meters, CurrentCitizen citizen) {
        this.meters = meters;
        this.citizen = citizen;
    }

    /** @param identifier the PRM, PCE or water meter number as the citizen typed it */
    public record LinkRequest(Fluid fluid, String identifier, String label) {}

    @GetMapping
    List<Meter> list() {
        return meters.of(citizen.require());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Meter link(@RequestBody LinkRequest request) {
        if (request.fluid() == null) {
            throw new IllegalArgumentException("fluid is one of ELECTRICITY, GAS, WATER");
        }
        return meters.link(
                citizen.require(), MeterIdentifier.typed(request.fluid(), request.identifier()), request.label());
    }

    @GetMapping("/{id}")
    Meter one(@PathVariable UUID id) {
        return meters.require(citizen.require(), id);
    }

    /** Unlinks the meter and deletes what was imported for it. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable UUID id) {
        meters.unlink(citizen.require(), id);
    }

    /** Deletes what was imported and keeps the meter linked. */
    @DeleteMapping("/{id}/readings")
    Map<String, Long> deleteReadings(@PathVariable UUID id) {
        return Map.of("deleted", meters.deleteReadings(citizen.require(), id));
    }
}
