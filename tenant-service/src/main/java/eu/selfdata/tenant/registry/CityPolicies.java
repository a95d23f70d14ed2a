package eu.selfdata.tenant.registry;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a city decided about its citizens' data: its k for aggregates and the charter it signed. */
@Component
public class CityPolicies {

    public static final int MIN_GROUP_SIZE_FLOOR = 5;

    private final JdbcClient jdbc;

    CityPolicies(DataSource dataSource, PlatformSchema migratedFirst) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public int minGroupSize(String slug) {
        return jdbc.sql("select min_group_size from platform.tenant where slug = ?")
                .param(slug)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new UnknownTenantException(slug));
    }

    /** @throws IllegalArgumentException below {@link #MIN_GROUP_SIZE_FLOOR} */
    public void setMinGroupSize(String slug, int k) {
        if (k < MIN_GROUP_SIZE_FLOOR) {
            throw new IllegalArgumentException(
                    "k is at least " + MIN_GROUP_SIZE_FLOOR + " so that no group points at a person");
        }
        if (jdbc.sql("update platform.tenant set min_group_size = ?, updated_at = now() where slug = ?")
                        .params(k, slug)
                        .update()
                == 0) {
            throw new UnknownTenantException(slug);
        }
    }

    public Optional<String> charterVersion(String slug) {
        return jdbc.sql("select charter_version from platform.tenant where slug = ?")
                .param(slug)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new UnknownTenantException(slug));
    }

    public void setCharterVersion(String slug, String version) {
        if (jdbc.sql("update platform.tenant set charter_version = ?, updated_at = now() where slug = ?")
                        .params(version, slug)
                        .update()
                == 0) {
            throw new UnknownTenantException(slug);
        }
    }
}
