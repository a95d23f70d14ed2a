package eu.selfdata.contract.problem;

import java.net.URI;
import java.util.regex.Pattern;

/** The base URI of every problem type of the platform. */
public final class Problems {

    public static final String BASE = "https://selfdata.eu/problems/";
    private static final Pattern TYPE_NAME = Pattern.compile("^[a-z][a-z0-9-]{1,59}$");

    private Problems() {}

    /** {@link #BASE} + {@code typeName}, a lowercase word or words joined by '-'. */
    public static URI type(String typeName) {
        if (typeName == null || !TYPE_NAME.matcher(typeName).matches()) {
            throw new IllegalArgumentException("not a problem type name: " + typeName);
        }
        return URI.create(BASE + typeName);
    }
}
