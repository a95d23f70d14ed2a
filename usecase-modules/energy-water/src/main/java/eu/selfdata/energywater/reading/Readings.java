package eu.selfdata.energywater.reading;

import java.time.LocalDate;

/**
 * A file's readings in the order they come, keyed by their instant or day: counted against the cap, kept in one
 * direction in time (either: some exports list the newest first), and a repeat of the reading before skipped when it
 * says the same, refused when it does not. Only the reading before is kept, so a file is read in one pass.
 */
final class Readings<K extends Comparable<? super K>> {

    private final long maxRows;
    private long rows;
    private long duplicates;
    private K previousKey;
    private Object previousValue;
    private int direction;
    private LocalDate firstDay;
    private LocalDate lastDay;

    Readings(long maxRows) {
        this.maxRows = maxRows;
    }

    /** Counts a row of readings before it is read. */
    void count(long line) {
        if (++rows > maxRows) {
            throw new BadReadingFile(line, "more than " + maxRows + " rows of readings");
        }
    }

    /** Whether the reading is new, rather than a repeat of the one before; {@code value} is compared with equals. */
    boolean isNew(long line, K key, Object value, LocalDate day) {
        if (previousKey != null) {
            int order = Integer.signum(key.compareTo(previousKey));
            if (order == 0) {
                if (!value.equals(previousValue)) {
                    throw new BadReadingFile(
                            line, "a second reading for " + key + " says " + value + ", the first " + previousValue);
                }
                duplicates++;
                return false;
            }
            if (direction != 0 && order != direction) {
                throw new BadReadingFile(line, key + " is out of order: the readings before go the other way in time");
            }
            direction = order;
        }
        previousKey = key;
        previousValue = value;
        firstDay = firstDay == null || day.isBefore(firstDay) ? day : firstDay;
        lastDay = lastDay == null || day.isAfter(lastDay) ? day : lastDay;
        return true;
    }

    /** Once the file is read: a file without readings cannot be imported. */
    void requireSome() {
        if (previousKey == null) {
            throw new BadReadingFile(0, "the file holds no readings");
        }
    }

    long rows() {
        return rows;
    }

    long duplicates() {
        return duplicates;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalDate lastDay() {
        return lastDay;
    }
}
