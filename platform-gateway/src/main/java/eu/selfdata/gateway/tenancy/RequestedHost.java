package eu.selfdata.gateway.tenancy;

/** What a Host header names, before the tenant directory is asked whether such a city exists. */
sealed interface RequestedHost {

    /** The bare base domain: the platform (coordinator) host. */
    record Platform() implements RequestedHost {}

    /** {@code {slug}.{base-domain}} with a well-formed slug. */
    record Subdomain(String slug) implements RequestedHost {}

    /** Any other well-formed host name: may be a city's custom domain. */
    record CustomDomain(String domain) implements RequestedHost {}

    /** Missing, malformed, nested under the base domain or with a bad slug: never a city. */
    record Unservable() implements RequestedHost {}
}
