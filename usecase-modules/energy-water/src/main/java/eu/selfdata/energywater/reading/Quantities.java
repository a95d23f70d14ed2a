package eu.selfdata.energywater.reading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as exports write them (a decimal comma or point, spaces between thousands), checked not negative and
 * turned into exact whole units: kWh into Wh, m³ into litres, rounded half-up only at the end.
 */
final class Quantities {

    /** Plain decimals only: an exponent would let "1e999999999" cost a huge number to round. */
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d{1,18}(\\.\\d{0,18})?|\\.\\d{1,18})");

    private static final Pattern GROUPING = Pattern.compile("[\\s\\u00A0\\u202F]");
    private static final int MAX_INTEGER_DIGITS = 18;

    private Quantities() {}

    static BigDecimal parse(long line, String text) {
        String plain = GROUPING.matcher(text).replaceAll("").replace(',', '.');
        if (!DECIMAL.matcher(plain).matches()) {
            throw new BadReadingFile(line, "bad number '" + shortened(text) + "'");
        }
        return checked(line, new BigDecimal(plain));
    }

    /** A number, or empty for a blank cell. */
    static Optional<BigDecimal> parseIfAny(long line, String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(parse(line, text));
    }

    static BigDecimal checked(long line, BigDecimal value) {
        if (value.signum() < 0) {
            throw new BadReadingFile(line, "negative value " + value.toPlainString());
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new BadReadingFile(line, "number too large");
        }
        return value;
    }

    /** {@code value} × 10^{@code shift} (3 for kWh to Wh, m³ to litres), rounded half-up to a whole unit. */
    static long whole(long line, BigDecimal value, int shift) {
        try {
            return value.movePointRight(shift).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new BadReadingFile(line, "number too large");
        }
    }

    static int toInt(long line, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new BadReadingFile(line, "number too large");
        }
        return (int) value;
    }

    /** What a message may quote of a cell: the start of a long one. */
    static String shortened(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }
}
