package eu.selfdata.energywater.reading;

import java.math.BigDecimal;

/** How the rows of one kind of Enedis export become readings. */
interface EnedisRows {

    /** A row: its timestamp or day as written, its value in the file's unit. */
    void row(long line, String horodate, BigDecimal value);

    /** After the last row, for what rows only complete together (a curve's last day). */
    default void end() {}

    Readings<?> readings();

    default int incompleteDays() {
        return 0;
    }
}
