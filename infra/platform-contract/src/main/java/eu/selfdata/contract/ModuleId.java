package eu.selfdata.contract;

import java.util.regex.Pattern;

/**
 * The id of a use-case module ({@code mobility-carbon}, {@code waste}): it is a path segment between
 * services ({@code /platform/tenants/{slug}/modules/{module}}, {@code /api/{module}/**},
 * {@code /my/{module}}), so it keeps to the same characters as a city slug.
 */
public final class ModuleId {

    public static final String REGEX = "^[a-z][a-z0-9-]{1,39}$";
    private static final Pattern SYNTAX = Pattern.compile(REGEX);

    private ModuleId() {}

    public static boolean isValid(String candidate) {
        return candidate != null && SYNTAX.matcher(candidate).matches();
    }
}
