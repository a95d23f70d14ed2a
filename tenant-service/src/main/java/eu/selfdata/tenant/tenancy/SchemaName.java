package eu.selfdata.tenant.tenancy;

/**
 * A schema a pooled connection works in: a city's, named from its slug alone (rule 1), or the
 * platform's registry. No other identifier reaches {@code search_path}.
 */
public final class SchemaName {

    public static final SchemaName PLATFORM = new SchemaName("platform");

    private final String name;

    private SchemaName(String name) {
        this.name = name;
    }

    public static SchemaName of(TenantId city) {
        return new SchemaName(city.schemaName());
    }

    public String name() {
        return name;
    }

    public String quoted() {
        return '"' + name + '"';
    }

    @Override
    public String toString() {
        return name;
    }
}
