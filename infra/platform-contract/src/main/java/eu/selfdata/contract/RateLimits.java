package eu.selfdata.contract;

/**
 * How much one client address or one account may ask of one city, set per city by the coordinator (tenant-service's
 * registry) and enforced by the gateway (API calls, sign-ins, uploads) and by the identity server (registrations, on
 * the city's portal client). Each limit is a number of requests per period, counted separately per city: a flood on
 * one city never slows another.
 *
 * @param apiPerAddressPerMinute          API calls ({@code /api/**}, {@code /governance/**}) from one address
 * @param apiPerAccountPerMinute          API calls of one signed-in account
 * @param signInsPerAddressPerMinute      sign-in steps ({@code /login}, the authorization start and its callback) from one address
 * @param registrationsPerAddressPerHour  registration forms sent to the identity server from one address
 * @param uploadsPerAccountPerHour        uploads (a multipart body or one over 64 KiB) of one account, or one address when anonymous
 */
public record RateLimits(
        int apiPerAddressPerMinute,
        int apiPerAccountPerMinute,
        int signInsPerAddressPerMinute,
        int registrationsPerAddressPerHour,
        int uploadsPerAccountPerHour) {

    public static final int MAX = 1_000_000;
    /** What a city gets until the coordinator sets its own. */
    public static final RateLimits DEFAULTS = new RateLimits(600, 300, 60, 10, 60);

    public RateLimits {
        for (int limit : new int[] {
            apiPerAddressPerMinute,
            apiPerAccountPerMinute,
            signInsPerAddressPerMinute,
            registrationsPerAddressPerHour,
            uploadsPerAccountPerHour
        }) {
            if (limit < 1 || limit > MAX) {
                throw new IllegalArgumentException("every rate limit is between 1 and " + MAX + " requests per period");
            }
        }
    }
}
