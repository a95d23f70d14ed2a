package eu.selfdata.waste.weighing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a bin collects, as operators name it in their files (English or French). */
public enum WasteStream {
    RESIDUAL,
    RECYCLABLES,
    GLASS,
    BIOWASTE;

    private static final Map<String, WasteStream> NAMES = Map.ofEntries(
            Map.entry("residual", RESIDUAL),
            Map.entry("omr", RESIDUAL),
            Map.entry("ordures menageres", RESIDUAL),
            Map.entry("recyclables", RECYCLABLES),
            Map.entry("recyclable", RECYCLABLES),
            Map.entry("emballages", RECYCLABLES),
            Map.entry("glass", GLASS),
            Map.entry("verre", GLASS),
            Map.entry("biowaste", BIOWASTE),
            Map.entry("biodechets", BIOWASTE));

    public static Optional<WasteStream> parse(String name) {
        String plain = Normalizer.normalize(name.trim(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return Optional.ofNullable(NAMES.get(plain));
    }

    /** Everything but residual waste counts as sorted. */
    public boolean sorted() {
        return this != RESIDUAL;
    }
}
