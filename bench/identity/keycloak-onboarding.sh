#!/usr/bin/env bash
# The Keycloak part of onboarding a city (organization, portal client, 2 client roles, first admin
# with city-admin: the admin calls of tenant-service's CityIdentity), timed per city over CITIES
# cities with few organizations in the realm, then again after FILLER more organizations.
# Starts a throw-away Keycloak on KC_PORT (stopped on exit); runs KeycloakOnboarding.java.
#   KC_PORT=38180 CITIES=20 FILLER=300
set -euo pipefail
source "$(dirname "$0")/keycloak.sh"
CITIES=${CITIES:-20}
FILLER=${FILLER:-300}
start_keycloak
"$JAVA" "$IDENTITY_DIR/KeycloakOnboarding.java" "$KC_URL" "$KC_ADMIN_PASSWORD" "$CITIES" "$FILLER" \
  | tee "$RESULTS/keycloak-onboarding-$(date +%Y%m%d-%H%M%S).txt"
