package eu.selfdata.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.identity.CityClaims;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class CallerTest {

    @Test
    void citiesRealmRolesAndCityRolesBecomeAuthoritiesNamingTheirCity() {
        List<GrantedAuthority> authorities = Caller.authorities(CityClaims.of(Map.of(
                "organization", List.of("larochelle"),
                "realm_access", Map.of("roles", List.of("citizen", "city-admin")),
                "resource_access",
                        Map.of(
                                "portal-larochelle", Map.of("roles", List.of("city-agent")),
                                "portal-lyon", Map.of("roles", List.of("city-admin")),
                                "account", Map.of("roles", List.of("manage-account"))))));

        assertThat(authorities)
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder(
                        "CITY_larochelle", "ROLE_citizen", "ROLE_city-admin", "CITY_ROLE_larochelle:city-agent");
        assertThat(Caller.belongsTo(authorities, "larochelle")).isTrue();
        assertThat(Caller.belongsTo(authorities, "lyon")).isFalse();
        assertThat(Caller.hasRealmRole(authorities, "platform-coordinator")).isFalse();
    }
}
