package eu.selfdata.governance.charter;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.problem.GovernanceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Charter versions (published on the platform host, readable anywhere) and the version a city signed
 * ({@code /governance/charter} on the city's host: read by anyone, signed by the city's admin).
 */
@RestController
class CharterController {

    private final Charter charter;

    CharterController(Charter charter) {
        this.charter = charter;
    }

    record NewVersion(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
            String id,

            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 100_000) String body) {}

    record Signing(@NotBlank @Size(max = 40) String version) {}

    @PostMapping("/governance/charter/versions")
    @ResponseStatus(HttpStatus.CREATED)
    CharterVersion publish(Caller caller, @Valid @RequestBody NewVersion request) {
        return charter.publish(caller, request.id(), request.title(), request.body());
    }

    @GetMapping("/governance/charter/versions")
    List<CharterVersion> versions() {
        return charter.versions();
    }

    @GetMapping("/governance/charter/versions/{id}")
    CharterVersion version(@PathVariable String id) {
        return charter.version(id);
    }

    @GetMapping("/governance/charter")
    CitySignature signed(Caller caller) {
        String city = caller.city();
        return charter.signed(city).orElseThrow(() -> GovernanceException.notFound("A charter signed by " + city));
    }

    @PutMapping("/governance/charter")
    CitySignature sign(Caller caller, @Valid @RequestBody Signing request) {
        return charter.sign(caller, request.version());
    }
}
