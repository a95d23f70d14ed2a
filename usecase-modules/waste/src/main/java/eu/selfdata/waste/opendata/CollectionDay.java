package eu.selfdata.waste.opendata;

import eu.selfdata.waste.weighing.WasteStream;
import java.time.DayOfWeek;
import java.util.Objects;

/** A street's collection of one stream on one day of the week, from the city's open data. */
public record CollectionDay(String street, WasteStream stream, DayOfWeek day) {

    public CollectionDay {
        if (street == null || street.isBlank() || street.length() > 200) {
            throw new IllegalArgumentException("a street name has 1 to 200 characters");
        }
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(day, "day");
    }
}
