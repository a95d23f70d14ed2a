package eu.selfdata.tenant.announcement;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current city's announcements; the tenant context picks the schema. */
@Service
public class Announcements {

    private final AnnouncementRepository repository;
    private final Clock clock;

    Announcements(AnnouncementRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public AnnouncementView publish(String title, String body) {
        return AnnouncementView.of(repository.save(new Announcement(title, body, clock.instant())));
    }

    @Transactional(readOnly = true)
    public List<AnnouncementView> latest() {
        return repository.findTop20ByOrderByPublishedAtDesc().stream()
                .map(AnnouncementView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<AnnouncementView> find(long id) {
        return repository.findById(id).map(AnnouncementView::of);
    }
}
