package eu.selfdata.contract;

/** A value offered as a city slug that breaks {@link CitySlug}'s rule; the message says which part. */
public class InvalidCitySlugException extends IllegalArgumentException {

    private final String rejected;

    InvalidCitySlugException(String rejected, String reason) {
        super("Invalid city slug '" + rejected + "': " + reason);
        this.rejected = rejected;
    }

    public String rejected() {
        return rejected;
    }
}
