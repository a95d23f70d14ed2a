package eu.selfdata.tenant.citizen;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record ProfileUpdate(
        @Size(max = 100) String displayName,

        @Pattern(regexp = "fr|en", message = "must be fr or en")
        String language,

        @Min(1) @Max(20) Integer householdSize,
        Boolean optionalNotices) {}
