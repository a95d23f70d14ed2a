package eu.selfdata.contract;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A city's slug (architecture rule 1): 2 to 40 characters, lowercase letters, digits and '-',
 * starting with a letter and not ending with '-', and none of the names the platform answers on
 * itself. It is the only value a city's schema name is ever built from ({@code t_} + slug with
 * '-' turned into '_'), so no other string reaches SQL as an identifier.
 */
public record CitySlug(String value) {

    /** The syntax alone, for bean validation ({@code @Pattern(regexp = CitySlug.REGEX)}) and SQL checks. */
    public static final String REGEX = "^[a-z][a-z0-9-]{1,39}$";
    /** The platform host's own name: the coordinator's sign-in registration, never a city. */
    public static final String PLATFORM = "platform";
    /** Host labels and names the platform itself answers on. */
    public static final Set<String> RESERVED = Set.of(
            PLATFORM,
            "www",
            "api",
            "admin",
            "auth",
            "keycloak",
            "governance",
            "internal",
            "public",
            "static",
            "assets",
            "mail",
            "status");
    /** Prefix of PostgreSQL's own schemas ({@code pg_*} once dashes become underscores). */
    private static final String POSTGRES_PREFIX = "pg-";

    private static final Pattern SYNTAX = Pattern.compile(REGEX);

    public CitySlug {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new InvalidCitySlugException(
                    value, "a slug is 2 to 40 characters: lowercase letters, digits and '-', starting with a letter");
        }
        if (!isAllowed(value)) {
            throw new InvalidCitySlugException(value, "this slug is reserved or malformed");
        }
    }

    public static CitySlug of(String value) {
        return new CitySlug(value);
    }

    /** Whether {@code candidate} is a city slug, without the cost of an exception (hosts, headers). */
    public static boolean isValid(String candidate) {
        return candidate != null && SYNTAX.matcher(candidate).matches() && isAllowed(candidate);
    }

    private static boolean isAllowed(String wellFormed) {
        return !RESERVED.contains(wellFormed) && !wellFormed.startsWith(POSTGRES_PREFIX) && !wellFormed.endsWith("-");
    }

    /** {@code t_} + slug with '-' replaced by '_': safe by construction. */
    public String schemaName() {
        return "t_" + value.replace('-', '_');
    }

    /** The schema name as a quoted SQL identifier. */
    public String quotedSchema() {
        return '"' + schemaName() + '"';
    }

    @Override
    public String toString() {
        return value;
    }
}
