package eu.selfdata.tenant.tenancy;

import eu.selfdata.contract.CitySlug;
import java.util.Objects;

/**
 * The city a piece of tenancy code works for (the tenant context, the connection provider, the
 * migrations): a {@link CitySlug}, which alone builds the city's schema name.
 */
public record TenantId(CitySlug city) {

    public TenantId {
        Objects.requireNonNull(city, "city");
    }

    /** @throws eu.selfdata.contract.InvalidCitySlugException when {@code slug} is no city slug */
    public static TenantId of(String slug) {
        return new TenantId(CitySlug.of(slug));
    }

    public String slug() {
        return city.value();
    }

    public String schemaName() {
        return city.schemaName();
    }

    public String quotedSchema() {
        return city.quotedSchema();
    }

    @Override
    public String toString() {
        return city.value();
    }
}
