package eu.selfdata.energywater.reading;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Timestamps and days as the exports write them: ISO 8601 with an offset, or local time in Europe/Paris
 * ({@code 2026-01-01 00:30:00}, {@code 01/01/2026 00:30}); days as {@code 2026-01-01} or {@code 01/01/2026}.
 */
final class Horodates {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern(
                    "[uuuu-MM-dd][dd/MM/uuuu][' ']['T']HH:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("[uuuu-MM-dd][dd/MM/uuuu]").withResolverStyle(ResolverStyle.STRICT);

    private Horodates() {}

    /**
     * The instant of a timestamp. A local time that the autumn change makes happen twice is its first instant unless
     * that would come before {@code previous} (the row before, or null): exports write the repeated hour twice, in order.
     */
    static Instant instant(long line, String text, Instant previous) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            LocalDateTime local = local(line, text);
            // at the autumn overlap, ofLocal takes the summer offset: the first of the two instants
            ZonedDateTime first = ZonedDateTime.ofLocal(local, PARIS, null);
            if (!first.toLocalDateTime().equals(local)) {
                throw new BadReadingFile(
                        line,
                        "no such time in France (the spring clock change skips it): " + Quantities.shortened(text));
            }
            Instant later = first.withLaterOffsetAtOverlap().toInstant();
            return previous == null || !first.toInstant().isBefore(previous) ? first.toInstant() : later;
        }
    }

    /** The day of a date, or of a timestamp in Europe/Paris. */
    static LocalDate day(long line, String text) {
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(PARIS).toLocalDate();
            } catch (DateTimeParseException notWithOffset) {
                return local(line, text).toLocalDate();
            }
        }
    }

    private static LocalDateTime local(long line, String text) {
        try {
            return LocalDateTime.parse(text, LOCAL_TIME);
        } catch (DateTimeException e) {
            throw new BadReadingFile(line, "bad date or time '" + Quantities.shortened(text) + "'");
        }
    }
}
