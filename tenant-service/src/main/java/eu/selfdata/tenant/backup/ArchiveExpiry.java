package eu.selfdata.tenant.backup;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes city archives whose retention is over ({@code selfdata.backup.retention},
 * {@code selfdata.offboarding.archive-retention}). Every replica may run it: deleting a file twice is harmless.
 */
@Component
class ArchiveExpiry {

    private static final Logger log = LoggerFactory.getLogger(ArchiveExpiry.class);

    private final CityArchives archives;
    private final Clock clock;

    ArchiveExpiry(CityArchives archives, Clock clock) {
        this.archives = archives;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${selfdata.backup.expiry-interval:PT1H}",
            fixedDelayString = "${selfdata.backup.expiry-interval:PT1H}")
    void deleteExpired() {
        archives.deleteExpired(clock.instant())
                .forEach(archive -> log.info("Deleted expired archive {} of {}", archive.name(), archive.city()));
    }
}
