package eu.selfdata.waste.telemetry;

import eu.selfdata.connectors.CityRoles;
import eu.selfdata.usecase.api.CityDatabase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** City side: public bins at least 80 % full and what to collect first. Public bins are no personal data. */
@RestController
@RequestMapping("/api/waste/city")
public class CityBinsController {

    private final CityDatabase city;
    private final FillReadings readings;

    public CityBinsController(CityDatabase city, FillReadings readings) {
        this.city = city;
        this.readings = readings;
    }

    @GetMapping("/bins-to-collect")
    List<BinView> binsToCollect() {
        CityRoles.requireAny(CityRoles.ADMIN, CityRoles.AGENT);
        return readings.toCollect(city.jdbc()).stream().map(BinView::of).toList();
    }

    record BinView(String binId, int fillPercent, java.math.BigDecimal temperatureCelsius, java.time.Instant measuredAt,
                   java.time.Instant fullAt, String suggestion) {

        static BinView of(FillReadings.BinToCollect bin) {
            return new BinView(bin.binId(), bin.fillPercent(), bin.temperatureCelsius(), bin.measuredAt(), bin.fullAt(), bin.suggestion());
        }
    }
}
