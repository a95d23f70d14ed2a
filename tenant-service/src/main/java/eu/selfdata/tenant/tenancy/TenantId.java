package eu.selfdata.tenant.tenancy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A city's slug, the only value a tenant schema name is ever built from. Validated here so that no
 * other string can reach SQL as an identifier.
 */
public record TenantId(String slug) {

    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");
    // Host labels and names the platform itself answers on, never a city.
    private static final Set<String> RESERVED = Set.of(
            "platform", "www", "api", "admin", "auth", "keycloak", "governance", "internal",
            "public", "static", "assets", "mail", "status");

    public TenantId {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidTenantIdException(slug, "a slug is 2 to 40 characters: lowercase letters, digits and '-', starting with a letter");
        }
        if (RESERVED.contains(slug) || slug.startsWith("pg-") || slug.endsWith("-")) {
            throw new InvalidTenantIdException(slug, "this slug is reserved or malformed");
        }
    }

    public static TenantId of(String slug) {
        return new TenantId(slug);
    }

    /** {@code t_} + slug with '-' replaced by '_': safe by construction. */
    public String schemaName() {
        return "t_" + slug.replace('-', '_');
    }

    /** The schema name as a quoted SQL identifier. */
    public String quotedSchema() {
        return '"' + schemaName() + '"';
    }

    @Override
    public String toString() {
        return slug;
    }
}
