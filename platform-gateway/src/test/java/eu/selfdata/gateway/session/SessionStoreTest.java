package eu.selfdata.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.session.ReactiveSessionRepository;

/** Which store {@code selfdata.sessions.*} selects, and the settings it refuses before connecting anywhere. */
class SessionStoreTest {

    private final ReactiveWebApplicationContextRunner gateway =
            new ReactiveWebApplicationContextRunner().withUserConfiguration(Sessions.class);

    @Test
    void byDefaultSessionsStayInMemoryAndNothingTalksToRedis() {
        gateway.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ReactiveSessionRepository.class);
            assertThat(context).doesNotHaveBean(ReactiveRedisConnectionFactory.class);
        });
    }

    @Test
    void redisStoresSessionsOnTheConfiguredServer() {
        gateway.withPropertyValues(
                        "selfdata.sessions.store=redis",
                        "selfdata.sessions.redis.host=sessions.platform.svc",
                        "selfdata.sessions.redis.port=6380",
                        "selfdata.sessions.redis.password=from-a-secret")
                .run(context -> {
                    assertThat(context).hasSingleBean(ReactiveSessionRepository.class);
                    LettuceConnectionFactory redis = context.getBean(LettuceConnectionFactory.class);
                    assertThat(redis.getHostName()).isEqualTo("sessions.platform.svc");
                    assertThat(redis.getPort()).isEqualTo(6380);
                    assertThat(redis.getPassword()).isEqualTo("from-a-secret");
                    assertThat(context.getBean(SessionsProperties.class).toString())
                            .doesNotContain("from-a-secret");
                });
    }

    @Test
    void anUnknownStoreAnOutOfRangePortOrAFreeFormNamespaceStopTheStart() {
        for (String wrong : new String[] {
            "selfdata.sessions.store=disk",
            "selfdata.sessions.redis.port=70000",
            "selfdata.sessions.redis.namespace=Lyon's sessions",
            "selfdata.sessions.redis.host=redis/../admin",
            "selfdata.sessions.redis.timeout=10m"
        }) {
            gateway.withPropertyValues(wrong)
                    .run(context -> assertThat(context).as(wrong).hasFailed());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SessionsProperties.class, ServerProperties.class})
    @Import(RedisSessionConfiguration.class)
    static class Sessions {}
}
