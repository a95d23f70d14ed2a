package eu.selfdata.tenant.announcement;

import java.time.Instant;

public record AnnouncementView(long id, String title, String body, Instant publishedAt) {

    static AnnouncementView of(Announcement announcement) {
        return new AnnouncementView(
                announcement.getId(), announcement.getTitle(), announcement.getBody(), announcement.getPublishedAt());
    }
}
