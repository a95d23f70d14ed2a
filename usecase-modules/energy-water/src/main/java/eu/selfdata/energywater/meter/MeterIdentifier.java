package eu.selfdata.energywater.meter;

import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CommonProblems;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What identifies a meter, checked by fluid before anything is stored: an electricity PRM is 14 digits, a gas
 * PCE 14 digits or {@code GI} and 6 digits, a water meter or contract number 4 to 20 letters, digits and dashes.
 * Spaces people type are dropped.
 */
public record MeterIdentifier(Fluid fluid, String value) {

    private static final Pattern PRM = Pattern.compile("^\\d{14}$");
    private static final Pattern PCE = Pattern.compile("^(\\d{14}|GI\\d{6})$");
    private static final Pattern WATER = Pattern.compile("^[A-Z0-9][A-Z0-9-]{2,18}[A-Z0-9]$");

    public MeterIdentifier {
        Pattern rule = switch (fluid) {
            case ELECTRICITY -> PRM;
            case GAS -> PCE;
            case WATER -> WATER;
        };
        if (value == null || !rule.matcher(value).matches()) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    switch (fluid) {
                        case ELECTRICITY -> "an electricity meter's PRM is 14 digits";
                        case GAS -> "a gas meter's PCE is 14 digits, or GI and 6 digits";
                        case WATER -> "a water meter or contract number is 4 to 20 letters, digits or dashes";
                    });
        }
    }

    /** As a citizen types it: spaces dropped, letters upper-cased, length bounded before any pattern runs. */
    public static MeterIdentifier typed(Fluid fluid, String typed) {
        if (typed == null || typed.length() > 40) {
            throw CommonProblems.INVALID_REQUEST.exception("a meter identifier is at most 20 characters");
        }
        return new MeterIdentifier(fluid, typed.replace(" ", "").toUpperCase(Locale.ROOT));
    }

    /** The last four characters, enough for a citizen to recognise their meter in a message. */
    public String lastFour() {
        return "…" + value.substring(value.length() - 4);
    }
}
