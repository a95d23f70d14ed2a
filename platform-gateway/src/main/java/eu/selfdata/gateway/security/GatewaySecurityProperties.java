package eu.selfdata.gateway.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code selfdata.gateway.secret}: HMAC key shared with the services, deliberately without a default.
 * {@code selfdata.gateway.trusted-proxies}: regular expression on the remote IP of load balancers
 * whose {@code X-Forwarded-*} headers are kept; empty trusts nobody.
 */
@Validated
@ConfigurationProperties("selfdata.gateway")
record GatewaySecurityProperties(
        @NotBlank(
                message =
                        "selfdata.gateway.secret must be set (e.g. env SELFDATA_GATEWAY_SECRET): it is the key the services verify X-Tenant-Signature with")
        // the services refuse shorter keys, so the gateway does too
        @Size(min = 16, message = "selfdata.gateway.secret must be at least 16 characters, as the services require")
        String secret,

        String trustedProxies) {}
