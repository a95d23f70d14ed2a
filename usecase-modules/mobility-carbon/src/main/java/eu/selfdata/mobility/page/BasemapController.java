package eu.selfdata.mobility.page;

import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.usecase.api.CommonProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's map tiles for its citizens' trip maps: a city admin chooses the server (its citizens'
 * browsers will fetch tiles from it, so it learns which areas they look at; the page says so).
 */
@RestController
@RequestMapping("/api/mobility-carbon/settings/basemap")
public class BasemapController {

    private final Basemaps basemaps;
    private final CityStaff staff;

    public BasemapController(Basemaps basemaps, CityStaff staff) {
        this.staff = staff;
        this.basemaps = basemaps;
    }

    /** 204 when the city has none: the maps show no tiles. */
    @GetMapping
    ResponseEntity<Basemap> current() {
        staff.requireAdmin();
        return basemaps.current()
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping
    Basemap choose(@RequestBody BasemapChoice choice) {
        staff.requireAdmin();
        if (choice == null || choice.tileUrl() == null) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "give a tileUrl (https://…/{z}/{x}/{y}.png) and an attribution");
        }
        Basemap basemap = new Basemap(choice.tileUrl(), choice.attribution());
        basemaps.choose(basemap);
        return basemap;
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove() {
        staff.requireAdmin();
        basemaps.remove();
    }

    record BasemapChoice(String tileUrl, String attribution) {}
}
