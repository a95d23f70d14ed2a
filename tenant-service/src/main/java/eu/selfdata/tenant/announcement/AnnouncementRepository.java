package eu.selfdata.tenant.announcement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AnnouncementRepository extends JpaRepository<Announcement, Long> {

    List<Announcement> findTop20ByOrderByPublishedAtDesc();
}
