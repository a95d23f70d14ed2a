package eu.selfdata.waste.telemetry;

import eu.selfdata.usecase.api.CityStaff;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** City side, for its admins and agents: public bins at least 80 % full and what to collect first. Public bins are no personal data. */
@RestController
@RequestMapping("/api/waste/city")
public class CityBinsController {

    private final FillReadings readings;
    private final CityStaff staff;

    public CityBinsController(FillReadings readings, CityStaff staff) {
        this.readings = readings;
        this.staff = staff;
    }

    @GetMapping("/bins-to-collect")
    List<BinView> binsToCollect() {
        staff.requireStaff();
        return readings.toCollect().stream().map(BinView::of).toList();
    }

    record BinView(
            String binId,
            int fillPercent,
            BigDecimal temperatureCelsius,
            Instant measuredAt,
            Instant fullAt,
            String suggestion) {

        static BinView of(FillReadings.BinToCollect bin) {
            return new BinView(
                    bin.binId(),
                    bin.fillPercent(),
                    bin.temperatureCelsius(),
                    bin.measuredAt(),
                    bin.fullAt(),
                    bin.suggestion());
        }
    }
}
