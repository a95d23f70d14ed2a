package eu.selfdata.tenant.announcement;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AnnouncementRepository extends JpaRepository<Announcement, Long> {

    List<Announcement> findTop20ByOrderByPublishedAtDesc();
}
