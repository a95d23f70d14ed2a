package eu.selfdata.waste.opendata;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Next collection of my street" ({@link CollectionCalendar}). */
@RestController
@RequestMapping("/api/waste/collections")
public class CollectionCalendarController {

    private final CollectionCalendar calendar;

    public CollectionCalendarController(CollectionCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    List<CollectionCalendar.NextCollection> next(@RequestParam String street) {
        return calendar.next(street);
    }
}
