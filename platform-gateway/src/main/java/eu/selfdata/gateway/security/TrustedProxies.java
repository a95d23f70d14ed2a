package eu.selfdata.gateway.security;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Whether the peer of a connection is a load balancer whose forwarding headers may be believed. */
@Component
class TrustedProxies {

    private final Pattern remoteAddresses;

    TrustedProxies(GatewaySecurityProperties properties) {
        this.remoteAddresses =
                StringUtils.hasText(properties.trustedProxies()) ? Pattern.compile(properties.trustedProxies()) : null;
    }

    boolean trusts(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remoteAddresses != null
                && remote != null
                && remoteAddresses.matcher(remote.getHostString()).matches();
    }
}
