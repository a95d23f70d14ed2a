package eu.selfdata.tenant.tenancy;

import java.util.Optional;

/**
 * A schema a pooled connection works in: a city's, named from its slug alone (rule 1), or the
 * platform's registry. No other identifier reaches {@code search_path}.
 */
public final class SchemaName {

    public static final SchemaName PLATFORM = new SchemaName("platform", null);

    private final String name;
    private final TenantId city;

    private SchemaName(String name, TenantId city) {
        this.name = name;
        this.city = city;
    }

    public static SchemaName of(TenantId city) {
        return new SchemaName(city.schemaName(), city);
    }

    /** The city whose schema this is; none for the platform's, which lives on the main cluster. */
    public Optional<TenantId> city() {
        return Optional.ofNullable(city);
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
