package eu.selfdata.tenant.identity;

import eu.selfdata.tenant.registry.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The origins on which a city's portal answers: {@code {slug}.{base-domain}} and its custom domains. */
@Component
public class PublicUrls {

    private final String scheme;
    private final String baseDomain;
    private final String portSuffix;

    PublicUrls(
            @Value("${selfdata.public.scheme:http}") String scheme,
            @Value("${selfdata.public.base-domain:localhost}") String baseDomain,
            @Value("${selfdata.public.port:8080}") int port) {
        this.scheme = scheme;
        this.baseDomain = baseDomain;
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        this.portSuffix = defaultPort ? "" : ":" + port;
    }

    /** A page of the city's portal, on its first origin (e.g. {@code /my/profile}). */
    public String page(Tenant tenant, String path) {
        return originsOf(tenant).getFirst() + path;
    }

    List<String> originsOf(Tenant tenant) {
        List<String> origins = new ArrayList<>();
        origins.add(scheme + "://" + tenant.slug() + "." + baseDomain + portSuffix);
        tenant.customDomains().forEach(domain -> origins.add(scheme + "://" + domain + portSuffix));
        return origins;
    }
}
