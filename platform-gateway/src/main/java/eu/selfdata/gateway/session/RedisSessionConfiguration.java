package eu.selfdata.gateway.session;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.server.RedisWebSessionConfiguration;

/**
 * Browser sessions in Redis ({@code selfdata.sessions.store=redis}), shared by every gateway replica:
 * Spring Session's {@code WebSessionManager} replaces the in-memory one and keeps the gateway's
 * {@code SessionCookie}. Boot's own Redis and session auto-configurations are excluded (see
 * {@code application.yml}), so that the default in-memory run opens no Redis connection and this class
 * alone decides.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "selfdata.sessions.store", havingValue = "redis")
@Import(RedisWebSessionConfiguration.class)
class RedisSessionConfiguration implements BeanClassLoaderAware {

    private ClassLoader classLoader;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(SessionsProperties properties) {
        SessionsProperties.Redis redis = properties.redis();
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(redis.host(), redis.port());
        if (!redis.password().isEmpty()) {
            server.setPassword(redis.password());
        }
        return new LettuceConnectionFactory(
                server,
                LettuceClientConfiguration.builder()
                        .commandTimeout(redis.timeout())
                        .build());
    }

    /** The name Spring Session looks the attribute serializer up by. */
    @Bean
    RedisSerializer<Object> springSessionDefaultRedisSerializer() {
        return SessionJson.serializer(classLoader);
    }

    /** Same idle timeout as the in-memory store ({@code server.reactive.session.timeout}), own key prefix. */
    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> sessionRepositoryCustomizer(
            SessionsProperties properties, ServerProperties server) {
        return repository -> {
            repository.setRedisKeyNamespace(properties.redis().namespace());
            repository.setDefaultMaxInactiveInterval(
                    server.getReactive().getSession().getTimeout());
        };
    }
}
