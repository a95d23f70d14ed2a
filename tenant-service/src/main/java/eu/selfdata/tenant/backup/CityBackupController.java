package eu.selfdata.tenant.backup;

import eu.selfdata.tenant.problem.NotFoundException;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.registry.TenantStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinator's backups of one city (platform host, role platform-coordinator like every
 * {@code /platform/**} path): write one, list them, download one, and restore an archive, from
 * this platform or another with the same backup key, into a city onboarded empty.
 */
@RestController
@RequestMapping("/platform/tenants/{slug}")
class CityBackupController {

    private final CityArchives archives;
    private final CityRestore restore;
    private final TenantRegistry registry;
    private final long maximumUpload;

    CityBackupController(
            CityArchives archives,
            CityRestore restore,
            TenantRegistry registry,
            @Value("${selfdata.backup.max-restore-size:20GB}") DataSize maximumUpload) {
        this.archives = archives;
        this.restore = restore;
        this.registry = registry;
        this.maximumUpload = maximumUpload.toBytes();
    }

    @PostMapping("/backups")
    ResponseEntity<StoredArchive> backUp(@PathVariable String slug) {
        Tenant tenant = registry.get(slug);
        if (!Set.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED).contains(tenant.status())) {
            throw new TenantStateConflictException(
                    "City '" + slug + "' is " + tenant.status() + ": only an onboarded city is backed up");
        }
        StoredArchive archive = archives.write(tenant, ArchiveKind.BACKUP);
        return ResponseEntity.created(URI.create("/platform/tenants/" + slug + "/backups/" + archive.name()))
                .body(archive);
    }

    @GetMapping("/backups")
    List<StoredArchive> list(@PathVariable String slug) {
        registry.get(slug);
        return archives.list(slug);
    }

    @GetMapping("/backups/{name}")
    ResponseEntity<Resource> download(@PathVariable String slug, @PathVariable String name) {
        registry.get(slug);
        Path archive = archives.find(slug, name)
                .orElseThrow(() -> new NotFoundException("No archive '" + name + "' of '" + slug + "'"));
        return CityArchives.download(archive);
    }

    /** The archive is the request body, streamed: a restore never holds it whole. */
    @PostMapping(path = "/restore", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    RestoreReport restore(@PathVariable String slug, InputStream body) throws IOException {
        try (InputStream bounded = BoundedInputStream.builder()
                .setInputStream(body)
                .setMaxCount(maximumUpload)
                .setPropagateClose(false)
                .get()) {
            return restore.restore(slug, bounded);
        }
    }
}
