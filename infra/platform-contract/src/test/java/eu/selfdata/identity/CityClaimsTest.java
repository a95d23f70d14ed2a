package eu.selfdata.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CityClaimsTest {

    @Test
    void readsOrganizationAsAListOfAliases() {
        CityClaims claims = CityClaims.of(Map.of("organization", List.of("larochelle")));
        assertThat(claims.belongsTo("larochelle")).isTrue();
        assertThat(claims.belongsTo("lyon")).isFalse();
    }

    @Test
    void readsOrganizationAsAMapKeyedByAlias() {
        CityClaims claims = CityClaims.of(Map.of("organization", Map.of("lyon", Map.of("id", "42"))));
        assertThat(claims.cities()).containsExactly("lyon");
    }

    @Test
    void cityRolesCountOnlyInTheirCityAndOnlyForMembers() {
        CityClaims claims = CityClaims.of(Map.of(
                "organization", List.of("larochelle"),
                "realm_access", Map.of("roles", List.of("citizen", "city-admin")),
                "resource_access",
                        Map.of(
                                "portal-larochelle", Map.of("roles", List.of("city-admin")),
                                "portal-lyon", Map.of("roles", List.of("city-agent")),
                                "account", Map.of("roles", List.of("manage-account")))));
        assertThat(claims.rolesIn("larochelle")).containsExactly("city-admin");
        assertThat(claims.rolesIn("lyon")).as("not a member of Lyon").isEmpty();
        assertThat(claims.hasRealmRole("citizen")).isTrue();
    }

    @Test
    void accountCreationTimeComesFromItsClaimInSeconds() {
        assertThat(CityClaims.of(Map.of("account_created_at", 1_767_225_600L)).accountCreated())
                .contains(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(CityClaims.of(Map.of("account_created_at", "yesterday")).accountCreated())
                .isEmpty();
        assertThat(CityClaims.of(Map.of()).accountCreated()).isEmpty();
    }

    @Test
    void malformedClaimsGiveNothingRatherThanFailing() {
        CityClaims claims = CityClaims.of(
                Map.of("organization", "larochelle", "realm_access", List.of("x"), "resource_access", "nope"));
        assertThat(claims.cities()).isEmpty();
        assertThat(claims.realmRoles()).isEmpty();
        assertThat(claims.cityRoles()).isEmpty();
    }

    @Test
    void onlyATrueEmailVerifiedClaimMakesAVerifiedPerson() {
        assertThat(CityClaims.of(Map.of("email_verified", true)).emailVerified())
                .isTrue();
        assertThat(CityClaims.of(Map.of("email_verified", false)).emailVerified())
                .isFalse();
        assertThat(CityClaims.of(Map.of("email_verified", "true")).emailVerified())
                .as("a string is not the claim")
                .isFalse();
        assertThat(CityClaims.of(Map.of()).emailVerified()).isFalse();
    }
}
