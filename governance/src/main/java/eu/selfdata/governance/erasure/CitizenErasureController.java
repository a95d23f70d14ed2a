package eu.selfdata.governance.erasure;

import eu.selfdata.contract.CitySlug;
import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.problem.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * tenant-service's erasure saga asks governance to forget a citizen of a city. Only tenant-service may: the
 * request is signed for the platform host (never a city's) and carries tenant-service's own service-account
 * token ({@code azp}), which no person holds.
 */
@RestController
class CitizenErasureController {

    private final CitizenErasure erasure;
    private final String tenantServiceClient;

    CitizenErasureController(
            CitizenErasure erasure,
            @Value("${selfdata.tenant-service.service-client-id:tenant-service}") String tenantServiceClient) {
        this.erasure = erasure;
        this.tenantServiceClient = tenantServiceClient;
    }

    record Request(
            @NotBlank @Pattern(regexp = CitySlug.REGEX) String city,
            @NotBlank @Size(max = 255) String subject) {}

    @PostMapping("/governance/erasures")
    ResponseEntity<Void> erase(Caller caller, @Valid @RequestBody Request request) {
        caller.requirePlatformHost();
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)
                || !tenantServiceClient.equals(token.getToken().getClaimAsString("azp"))) {
            throw new GovernanceException(ProblemType.FORBIDDEN, "Only tenant-service erases citizens");
        }
        erasure.erase(request.city(), request.subject());
        return ResponseEntity.noContent().build();
    }
}
