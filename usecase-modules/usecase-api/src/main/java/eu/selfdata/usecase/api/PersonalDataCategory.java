package eu.selfdata.usecase.api;

import java.time.Period;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of personal data a module processes, as shown to citizens and in the city's charter.
 *
 * @param id        stable id, also the file name of the category in an export, e.g. {@code trips}
 * @param retention how long rows are kept after they were produced
 */
public record PersonalDataCategory(
        String id, LocalizedText label, LocalizedText purpose, LegalBasis legalBasis, Period retention) {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    public PersonalDataCategory {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("category id must match " + ID + ": " + id);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(retention, "retention");
    }
}
