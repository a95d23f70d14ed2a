package eu.selfdata.tenant.offboarding;

import eu.selfdata.tenant.backup.CityArchives;
import eu.selfdata.tenant.backup.StoredArchive;
import eu.selfdata.tenant.problem.NotFoundException;
import eu.selfdata.tenant.registry.TenantRegistry;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/platform/tenants/{slug}")
class OffboardingController {

    private final Offboarding offboarding;
    private final TenantRegistry registry;
    private final CityArchives archives;

    OffboardingController(Offboarding offboarding, TenantRegistry registry, CityArchives archives) {
        this.offboarding = offboarding;
        this.registry = registry;
        this.archives = archives;
    }

    @PostMapping("/offboard")
    OffboardResult offboard(@PathVariable String slug, @RequestBody(required = false) Confirmation confirmation) {
        StoredArchive archive = offboarding.offboard(slug, confirmation == null ? null : confirmation.confirm());
        return new OffboardResult(slug, "/platform/tenants/" + slug + "/archive", archive.name(), archive.expiresAt());
    }

    @GetMapping("/archive")
    ResponseEntity<Resource> archive(@PathVariable String slug) {
        registry.get(slug);
        Path archive = registry.archiveOf(slug)
                .flatMap(name -> archives.find(slug, Path.of(name).getFileName().toString()))
                .orElseThrow(() -> new NotFoundException("No offboarding archive for '" + slug + "' (or it expired)"));
        return CityArchives.download(archive);
    }

    record Confirmation(String confirm) {}

    record OffboardResult(String slug, String archive, String fileName, Instant expiresAt) {}
}
