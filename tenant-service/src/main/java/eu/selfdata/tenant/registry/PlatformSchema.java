package eu.selfdata.tenant.registry;

import eu.selfdata.tenant.tenancy.SchemaChangelogRunner;
import eu.selfdata.tenant.tenancy.SchemaName;
import java.util.List;
import org.springframework.stereotype.Component;

/** The platform schema (tenant registry, onboarding journal), migrated before anything reads it. */
@Component
class PlatformSchema {

    PlatformSchema(SchemaChangelogRunner runner) {
        runner.apply(
                SchemaName.PLATFORM,
                List.of(
                        "db/platform/changelog.sql",
                        "db/platform/indicators.changelog.sql",
                        "db/platform/clusters.changelog.sql"));
    }
}
