package eu.selfdata.tenant.registry;

import eu.selfdata.contract.RateLimits;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A city's rate limits as the coordinator set them (the platform's {@link RateLimits#DEFAULTS} until then). A change
 * moves the tenant directory's version, so the gateway applies it at its next poll.
 */
@Component
public class CityRateLimits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    CityRateLimits(DataSource dataSource, PlatformSchema migratedFirst) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public RateLimits of(String slug) {
        return jdbc.sql("select rate_limits::text from platform.tenant where slug = ?")
                .param(slug)
                .query((rs, row) -> parse(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new UnknownTenantException(slug));
    }

    public RateLimits set(String slug, RateLimits limits) {
        if (jdbc.sql("update platform.tenant set rate_limits = cast(? as jsonb), updated_at = now() where slug = ?")
                        .params(JSON.writeValueAsString(limits), slug)
                        .update()
                == 0) {
            throw new UnknownTenantException(slug);
        }
        return limits;
    }

    /** The stored JSON, or the defaults when none is stored. */
    static RateLimits parse(String stored) {
        return stored == null ? RateLimits.DEFAULTS : JSON.readValue(stored, RateLimits.class);
    }
}
