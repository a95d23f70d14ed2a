package eu.selfdata.governance.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The city whose host a request came in on (the gateway's signed {@code X-Tenant-Id}); none on the platform host. */
public final class HostCity {

    private static final String ATTRIBUTE = HostCity.class.getName();

    private HostCity() {}

    static void set(HttpServletRequest request, String slug) {
        request.setAttribute(ATTRIBUTE, slug);
    }

    public static Optional<String> of(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
    }
}
