package eu.selfdata.keycloak.extensions;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.authentication.forms.RegistrationUserCreation;
import org.keycloak.models.ClientModel;
import org.keycloak.models.utils.FormMessage;

/**
 * Keycloak's own registration form action ({@code registration-user-creation}), replaced by this one of the same
 * id and a higher {@link #order()}, so every realm's registration flow gets it without a flow of its own: before
 * creating the account it takes a token from the bucket of (city portal, client address). Registrations go to the
 * identity server directly, never through the gateway, so this is where scripted sign-ups meet their limit. The
 * limit is the portal client's attribute {@value #ATTRIBUTE} (set by the coordinator through tenant-service),
 * {@value #DEFAULT_PER_HOUR} per hour without it; one city's flood leaves every other city's registrations alone.
 * Buckets live in this server's memory (at most {@value #MAX_BUCKETS}, all dropped beyond: a flood of addresses
 * cannot grow it without bound).
 */
public final class LimitedRegistrationUserCreation extends RegistrationUserCreation {

    static final String ATTRIBUTE = "selfdata.registrationsPerHour";
    static final int DEFAULT_PER_HOUR = 10;
    static final int MAX_BUCKETS = 100_000;
    static final String MESSAGE = "selfdataTooManyRegistrations";
    private static final Map<String, Bucket> BUCKETS = new ConcurrentHashMap<>();

    @Override
    public void validate(ValidationContext context) {
        ClientModel client = context.getAuthenticationSession().getClient();
        int perHour = perHour(client.getAttribute(ATTRIBUTE));
        String key = context.getRealm().getId()
                + '\n'
                + client.getClientId()
                + '\n'
                + context.getConnection().getRemoteAddr()
                + '\n'
                + perHour;
        if (BUCKETS.size() > MAX_BUCKETS) {
            BUCKETS.clear();
        }
        Bucket bucket = BUCKETS.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perHour)
                                .refillGreedy(perHour, Duration.ofHours(1))
                                .build())
                        .build());
        if (!bucket.tryConsume(1)) {
            MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
            form.remove("password");
            form.remove("password-confirm");
            context.error("too_many_registrations");
            context.validationError(form, List.of(new FormMessage(null, MESSAGE)));
            return;
        }
        super.validate(context);
    }

    static int perHour(String attribute) {
        try {
            int value = attribute == null ? DEFAULT_PER_HOUR : Integer.parseInt(attribute.strip());
            return value >= 1 ? value : DEFAULT_PER_HOUR;
        } catch (NumberFormatException e) {
            return DEFAULT_PER_HOUR;
        }
    }

    @Override
    public int order() {
        return 10;
    }
}
