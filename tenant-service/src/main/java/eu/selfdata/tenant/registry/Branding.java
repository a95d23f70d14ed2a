package eu.selfdata.tenant.registry;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A city's public look on its portal. */
public record Branding(
        @NotNull @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "must be a colour like #1a5fb4")
        String primaryColor,

        @NotNull @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "must be a colour like #1a5fb4")
        String secondaryColor,

        @Size(max = 500) @Pattern(regexp = "^(https://|/).*", message = "must be an https URL or a path")
        String logoUrl,

        @NotNull @Pattern(regexp = "^(fr|en)$", message = "must be fr or en")
        String defaultLanguage) {}
