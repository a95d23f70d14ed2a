package eu.selfdata.tenant.tenancy;

import java.util.regex.Pattern;

/**
 * The name of a PostgreSQL cluster that holds city schemas ({@code main}, {@code east}): what the
 * registry records per city. Where a cluster is and how to reach it is a deployment setting
 * ({@code selfdata.database.clusters.<name>.*}); {@code main} is the service's own DataSource.
 */
public record ClusterName(String value) {

    public static final String PATTERN = "^[a-z][a-z0-9-]{0,29}$";
    // Before MAIN: the constant is checked like any name.
    private static final Pattern VALID = Pattern.compile(PATTERN);
    public static final ClusterName MAIN = new ClusterName("main");

    public ClusterName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("A cluster name is 1 to 30 of a-z, 0-9 and '-', starting with a letter");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
