package eu.selfdata.waste;

/** Consent purposes of the waste module (ids as stored in consent receipts). */
public final class WastePurposes {

    /** "Let the platform import my bin's weighings from the waste operator." */
    public static final String IMPORT_WEIGHINGS = "waste-weighings-import";
    /** "Count my weighings, anonymously, in my city's waste statistics." */
    public static final String CITY_STATISTICS = "waste-city-statistics";

    public static final String CATEGORY_BINS = "waste-bins";
    public static final String CATEGORY_WEIGHINGS = "waste-weighings";
    public static final String CATEGORY_BIN_CLAIMS = "waste-bin-claims";

    private WastePurposes() {}
}
