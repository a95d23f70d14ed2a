package eu.selfdata.energywater.alert;

import eu.selfdata.usecase.api.CurrentCitizen;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in citizen's water threshold and the leak alerts it raised. */
@RestController
public class LeakAlertController {

    private final LeakAlerts alerts;
    private final CurrentCitizen citizen;

    public LeakAlertController(LeakAlerts alerts, CurrentCitizen citizen) {
        this.alerts = alerts;
        this.citizen = citizen;
    }

    public record Threshold(Integer litresPerDay) {}

    @GetMapping("/api/energy-water/alerts")
    List<LeakAlert> list() {
        return alerts.of(citizen.require());
    }

    @PostMapping("/api/energy-water/alerts/{id}/seen")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void seen(@PathVariable long id) {
        alerts.markSeen(citizen.require(), id);
    }

    /** {@code litresPerDay} null when none is set. */
    @GetMapping("/api/energy-water/alerts/water-threshold")
    Map<String, Integer> threshold() {
        OptionalInt litres = alerts.threshold(citizen.require());
        return Collections.singletonMap("litresPerDay", litres.isPresent() ? litres.getAsInt() : null);
    }

    @PutMapping("/api/energy-water/alerts/water-threshold")
    Threshold setThreshold(@RequestBody Threshold threshold) {
        alerts.setThreshold(citizen.require(), threshold.litresPerDay());
        return threshold;
    }

    @DeleteMapping("/api/energy-water/alerts/water-threshold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearThreshold() {
        alerts.clearThreshold(citizen.require());
    }
}
