package eu.selfdata.energywater.consumption;

import eu.selfdata.energywater.reading.CurvePoint;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CurrentCitizen;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in citizen's consumption and load curve. */
@RestController
public class ConsumptionController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Consumption consumption;
    private final LoadCurve curve;
    private final CurrentCitizen citizen;
    private final Clock clock;

    public ConsumptionController(Consumption consumption, LoadCurve curve, CurrentCitizen citizen, Clock clock) {
        this.consumption = consumption;
        this.curve = curve;
        this.citizen = citizen;
        this.clock = clock;
    }

    /**
     * @param fluid the fluids to show, all three by default
     * @param to the last day, today by default; {@code from} defaults to a span that suits the granularity
     */
    @GetMapping("/api/energy-water/consumption")
    ConsumptionReport consumption(
            @RequestParam(defaultValue = "MONTH") Granularity granularity,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) List<Fluid> fluid) {
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(PARIS));
        LocalDate first = from != null ? from : granularity.defaultFrom(last);
        List<Fluid> fluids = fluid == null || fluid.isEmpty()
                ? List.of(Fluid.values())
                : fluid.stream().distinct().toList();
        return consumption.report(citizen.require(), granularity, first, last, fluids);
    }

    @GetMapping("/api/energy-water/meters/{id}/curve")
    List<CurvePoint> curve(
            @PathVariable UUID id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return curve.of(citizen.require(), id, from, to);
    }
}
