package eu.selfdata.mobility.journey;

import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.mobility.web.Problems;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The signed-in citizen's trips, and their corrections of a leg's mode. */
@RestController
@RequestMapping("/api/mobility-carbon")
public class TripController {

    private final Journeys journeys;
    private final CurrentCitizen citizen;

    public TripController(Journeys journeys, CurrentCitizen citizen) {
        this.journeys = journeys;
        this.citizen = citizen;
    }

    @GetMapping("/trips")
    List<TripView> trips(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return journeys.list(citizen.require(), from == null ? Instant.EPOCH : from, to == null ? Instant.now().plusSeconds(86_400) : to);
    }

    @GetMapping("/trips/{id}")
    TripView trip(@PathVariable long id) {
        return journeys.find(citizen.require(), id).orElseThrow(() -> Problems.notFound("You have no trip " + id));
    }

    @PutMapping("/legs/{id}/mode")
    TripView correct(@PathVariable long id, @RequestBody ModeCorrection correction) {
        if (correction == null || correction.mode() == null || correction.mode() == TravelMode.UNKNOWN) {
            throw Problems.invalid("name the mode you travelled: one of WALK, BIKE, EBIKE, CAR, BUS, TRAM, METRO, TRAIN");
        }
        return journeys.correct(citizen.require(), id, correction.mode()).orElseThrow(() -> Problems.notFound("You have no leg " + id));
    }

    @GetMapping("/legs/{id}/emissions")
    List<Journeys.EmissionRecord> emissions(@PathVariable long id) {
        List<Journeys.EmissionRecord> history = journeys.history(citizen.require(), id);
        if (history.isEmpty()) {
            throw Problems.notFound("You have no leg " + id);
        }
        return history;
    }

    record ModeCorrection(TravelMode mode) {
    }
}
