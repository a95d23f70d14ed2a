package eu.selfdata.waste.opendata;

import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.waste.weighing.WasteStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.ErrorResponseException;

/** "Next collection of my street", from the calendar the open-data connector keeps in the city's schema. */
public class CollectionCalendar {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final CityDatabase city;
    private final Clock clock;

    public CollectionCalendar(CityDatabase city, Clock clock) {
        this.city = city;
        this.clock = clock;
    }

    /**
     * The street's next collection of each stream, soonest first (the street's name in any case).
     *
     * @throws ErrorResponseException 400 {@code invalid-request} for a blank or overlong street
     */
    public List<NextCollection> next(String street) {
        if (street.isBlank() || street.length() > 200) {
            throw CommonProblems.INVALID_REQUEST.exception("street has 1 to 200 characters");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        return city
                .jdbc()
                .sql("select street, stream, weekday from waste_collection_day where lower(street) = lower(:street)")
                .param("street", street.trim())
                .query((rs, row) -> {
                    DayOfWeek day = DayOfWeek.of(rs.getInt(3));
                    return new NextCollection(
                            rs.getString(1),
                            WasteStream.valueOf(rs.getString(2)),
                            day,
                            today.with(TemporalAdjusters.nextOrSame(day)));
                })
                .list()
                .stream()
                .sorted(Comparator.comparing(NextCollection::date).thenComparing(NextCollection::stream))
                .toList();
    }

    public record NextCollection(String street, WasteStream stream, DayOfWeek day, LocalDate date) {}
}
