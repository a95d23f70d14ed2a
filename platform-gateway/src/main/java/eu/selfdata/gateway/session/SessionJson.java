package eu.selfdata.gateway.session;

import java.net.URL;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Session attributes as JSON, read back only into the types Spring Security's Jackson modules allow:
 * its security context, OAuth2 tokens, users, authorized clients and authorization requests, and the
 * JDK collections they sit in. JDK serialization would instantiate whatever class a stored entry
 * names, so anyone able to write to Redis could run code in every gateway; here an entry naming any
 * other class is refused.
 */
final class SessionJson {

    private SessionJson() {}

    static RedisSerializer<Object> serializer(ClassLoader classLoader) {
        BasicPolymorphicTypeValidator.Builder allowed = BasicPolymorphicTypeValidator.builder()
                // List.of, Set.of, Map.of in claims: containers, like the JDK ones Spring Security allows
                .allowIfSubType("java.util.ImmutableCollections$")
                // an ID token's iss, a URL once Spring's OIDC decoder has read it (built from its text)
                .allowIfSubType(URL.class);
        // each module adds its own types to the builder, and the last one makes it the mapper's validator
        var securityModules = SecurityJacksonModules.getModules(classLoader, allowed);
        return GenericJacksonJsonRedisSerializer.builder()
                .customize(mapper -> mapper.addModules(securityModules))
                .enableDefaultTyping(allowed.build())
                .build();
    }
}
