package eu.selfdata.energywater.reading;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names and labels compared as a person reads them: "Type de données" is "type de donnees", "m³" is "m3". */
final class Labels {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Labels() {}

    static String normalize(String text) {
        // NFKD also turns the superscript of "m³" into a plain digit
        String bare =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }
}
