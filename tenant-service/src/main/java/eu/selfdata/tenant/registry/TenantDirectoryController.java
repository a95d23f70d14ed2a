package eu.selfdata.tenant.registry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The gateway's source for host resolution; conditional so its frequent polls cost almost nothing. */
@RestController
class TenantDirectoryController {

    private final TenantRegistry registry;

    TenantDirectoryController(TenantRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/internal/tenant-directory")
    ResponseEntity<TenantDirectory> directory(
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        TenantDirectory directory = registry.directory();
        String etag = '"' + directory.version() + '"';
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(directory);
    }
}
