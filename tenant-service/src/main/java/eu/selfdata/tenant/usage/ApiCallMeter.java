package eu.selfdata.tenant.usage;

import eu.selfdata.tenant.tenancy.SchemaChangelogRunner;
import eu.selfdata.tenant.tenancy.SchemaName;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts the authenticated requests served on each city's host, per UTC day: in memory on the request path
 * (one atomic merge), added to {@code platform.api_call_count} every few seconds and at shutdown. It runs
 * after the tenant filter and the token checks, so only requests admitted for a city with a valid token of
 * that city count: a flood of anonymous pages cannot shift costs onto a city.
 */
@Configuration(proxyBeanMethods = false)
class ApiCallMeter implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ApiCallMeter.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Day, Long> pending = new ConcurrentHashMap<>();

    ApiCallMeter(DataSource dataSource, SchemaChangelogRunner runner, Clock clock) {
        runner.apply(SchemaName.PLATFORM, List.of("db/platform/usage.changelog.sql"));
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken) {
            TenantContext.current()
                    .ifPresent(tenant -> pending.merge(new Day(tenant.slug(), LocalDate.now(clock)), 1L, Long::sum));
        }
        return true;
    }

    /** Moves the counts into the database; a count taken out of the map is put back if the write fails. */
    @Scheduled(fixedDelayString = "${selfdata.usage.flush-interval:10s}")
    @PreDestroy
    void flush() {
        for (Day day : List.copyOf(pending.keySet())) {
            Long calls = pending.remove(day);
            if (calls == null) {
                continue;
            }
            try {
                jdbc.sql("""
                                insert into platform.api_call_count (slug, day, calls) values (?, ?, ?)
                                on conflict (slug, day) do update set calls = api_call_count.calls + excluded.calls""").params(day.slug(), day.day(), calls).update();
            } catch (RuntimeException e) {
                pending.merge(day, calls, Long::sum);
                log.warn("API call counts not saved yet for {}: {}", day, e.getMessage());
            }
        }
    }

    long calls(TenantId tenant, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        "select coalesce(sum(calls), 0) from platform.api_call_count where slug = ? and day between ? and ?")
                .params(tenant.slug(), from, to)
                .query(Long.class)
                .single();
    }

    private record Day(String slug, LocalDate day) {}
}
