package eu.selfdata.energywater.reading;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The unit a water file gives its volumes in; they are kept in litres. */
public enum VolumeUnit {
    LITRES(0, List.of("l", "litre", "litres", "liter", "liters")),
    CUBIC_METRES(3, List.of("m3"));

    private static final Pattern NOT_A_WORD = Pattern.compile("[^a-z0-9]+");

    private final int shift;
    private final List<String> words;

    VolumeUnit(int shift, List<String> words) {
        this.shift = shift;
        this.words = words;
    }

    /** The power of ten from this unit to litres. */
    int shift() {
        return shift;
    }

    /** The unit a label names, alone ("L", "m³") or in a column's name ("Consommation (m3)", "volume_l"). */
    static Optional<VolumeUnit> in(String label) {
        List<String> labelWords = Arrays.asList(NOT_A_WORD.split(Labels.normalize(label)));
        return Arrays.stream(values())
                .filter(unit -> unit.words.stream().anyMatch(labelWords::contains))
                .findFirst();
    }
}
