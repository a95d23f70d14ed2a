package eu.selfdata.tenant.registry;

import eu.selfdata.tenant.tenancy.SchemaChangelogRunner;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;

/** The platform schema (tenant registry, onboarding journal), migrated before anything reads it. */
@Component
class PlatformSchema {

    PlatformSchema(DataSource dataSource) {
        new SchemaChangelogRunner(dataSource).apply("platform", "\"platform\"", List.of("db/platform/changelog.sql"));
    }
}
