package eu.selfdata.tenant.offboarding;

import eu.selfdata.tenant.problem.NotFoundException;
import eu.selfdata.tenant.registry.TenantRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    OffboardingController(Offboarding offboarding, TenantRegistry registry) {
        this.offboarding = offboarding;
        this.registry = registry;
    }

    @PostMapping("/offboard")
    OffboardResult offboard(@PathVariable String slug, @RequestBody(required = false) Confirmation confirmation) {
        Path archive = offboarding.offboard(slug, confirmation == null ? null : confirmation.confirm());
        return new OffboardResult(
                slug,
                "/platform/tenants/" + slug + "/archive",
                archive.getFileName().toString());
    }

    @GetMapping("/archive")
    ResponseEntity<Resource> archive(@PathVariable String slug) {
        registry.get(slug);
        Path archive = registry.archiveOf(slug)
                .map(Path::of)
                .filter(Files::isReadable)
                .orElseThrow(() -> new NotFoundException("No offboarding archive for '" + slug + "'"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(archive.getFileName().toString())
                                .build()
                                .toString())
                .body(new FileSystemResource(archive));
    }

    record Confirmation(String confirm) {}

    record OffboardResult(String slug, String archive, String fileName) {}
}
