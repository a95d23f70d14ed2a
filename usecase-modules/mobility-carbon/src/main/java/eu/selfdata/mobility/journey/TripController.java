package eu.selfdata.mobility.journey;

import eu.selfdata.mobility.budget.Budgets;
import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.CurrentCitizen;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in citizen's trips, and their corrections of a leg's mode. */
@RestController
@RequestMapping("/api/mobility-carbon")
public class TripController {

    private final Journeys journeys;
    private final Budgets budgets;
    private final CurrentCitizen citizen;
    private final Clock clock;

    public TripController(Journeys journeys, Budgets budgets, CurrentCitizen citizen, ObjectProvider<Clock> clock) {
        this.journeys = journeys;
        this.budgets = budgets;
        this.citizen = citizen;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** {@code from} and {@code to}: instants or plain dates (days in the city's time zone, both included), see {@link TripPeriod}. */
    @GetMapping("/trips")
    List<TripView> trips(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        TripPeriod period = TripPeriod.of(from, to, budgets.zone(), clock.instant());
        return journeys.list(citizen.require(), period.from(), period.to());
    }

    @GetMapping("/trips/{id}")
    TripView trip(@PathVariable long id) {
        return journeys.find(citizen.require(), id)
                .orElseThrow(() -> CommonProblems.NOT_FOUND.exception("You have no trip " + id));
    }

    @PutMapping("/legs/{id}/mode")
    TripView correct(@PathVariable long id, @RequestBody ModeCorrection correction) {
        if (correction == null || correction.mode() == null || correction.mode() == TravelMode.UNKNOWN) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "name the mode you travelled: one of WALK, BIKE, EBIKE, CAR, BUS, TRAM, METRO, TRAIN");
        }
        return journeys.correct(citizen.require(), id, correction.mode())
                .orElseThrow(() -> CommonProblems.NOT_FOUND.exception("You have no leg " + id));
    }

    @GetMapping("/legs/{id}/emissions")
    List<Journeys.EmissionRecord> emissions(@PathVariable long id) {
        List<Journeys.EmissionRecord> history = journeys.history(citizen.require(), id);
        if (history.isEmpty()) {
            throw CommonProblems.NOT_FOUND.exception("You have no leg " + id);
        }
        return history;
    }

    record ModeCorrection(TravelMode mode) {}
}
