package eu.selfdata.mobility.journey;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The period of a request for trips: {@code from} and {@code to} each an instant
 * ({@code 2026-03-02T07:00:00Z}) or a plain date ({@code 2026-03-02}, a day in the city's time zone:
 * {@code from} at its start, {@code to} at its end, so that {@code from=2026-03-02&to=2026-03-02} is
 * that whole day). Without {@code from}, since ever; without {@code to}, until tomorrow.
 */
public record TripPeriod(Instant from, Instant to) {

    public TripPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** @throws IllegalArgumentException naming the parameter that is neither an instant nor a date */
    public static TripPeriod of(String from, String to, ZoneId zone, Instant now) {
        return new TripPeriod(
                from == null || from.isBlank() ? Instant.EPOCH : parse("from", from, zone, false),
                to == null || to.isBlank() ? now.plusSeconds(86_400) : parse("to", to, zone, true));
    }

    private static Instant parse(String name, String value, ZoneId zone, boolean endOfDay) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' must be a date (2026-03-02) or an instant (2026-03-02T07:00:00Z), not '"
                            + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
        }
    }
}
