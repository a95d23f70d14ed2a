package eu.selfdata.usecase.api;

import java.util.Objects;

/** A text shown to citizens, in the two languages every city portal speaks. */
public record LocalizedText(String fr, String en) {

    public LocalizedText {
        if (fr == null || fr.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException("a text needs a French and an English version");
        }
    }

    /** The French text for {@code fr*}, the English one otherwise. */
    public String in(String language) {
        return Objects.requireNonNullElse(language, "").startsWith("fr") ? fr : en;
    }
}
