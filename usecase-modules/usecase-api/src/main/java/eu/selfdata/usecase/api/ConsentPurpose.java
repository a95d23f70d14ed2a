package eu.selfdata.usecase.api;

import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a citizen can agree to, bound to one purpose and one recipient, e.g. "share my trips,
 * anonymised, with the city for mobility planning".
 *
 * @param categoryIds personal-data categories the consent covers
 * @param duration    how long a given consent lasts before it must be renewed
 */
public record ConsentPurpose(
        String id,
        LocalizedText label,
        LocalizedText description,
        Recipient recipient,
        List<String> categoryIds,
        Period duration) {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,59}$");

    public ConsentPurpose {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("purpose id must match " + ID + ": " + id);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recipient, "recipient");
        categoryIds = List.copyOf(categoryIds);
        Objects.requireNonNull(duration, "duration");
    }

    /** Who receives the data. {@code name} is shown as is, except for {@link Kind#CITY} (the city's name). */
    public record Recipient(Kind kind, LocalizedText name) {

        public Recipient {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }

        public static Recipient city() {
            return new Recipient(Kind.CITY, new LocalizedText("la ville", "the city"));
        }

        public static Recipient platform() {
            return new Recipient(Kind.PLATFORM, new LocalizedText("la plateforme Self Data", "the Self Data platform"));
        }

        public enum Kind {
            CITY,
            PLATFORM,
            THIRD_PARTY
        }
    }
}
