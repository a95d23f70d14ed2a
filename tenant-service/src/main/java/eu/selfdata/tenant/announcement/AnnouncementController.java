package eu.selfdata.tenant.announcement;

import eu.selfdata.tenant.problem.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/announcements")
class AnnouncementController {

    private final Announcements announcements;

    AnnouncementController(Announcements announcements) {
        this.announcements = announcements;
    }

    @GetMapping
    List<AnnouncementView> latest() {
        return announcements.latest();
    }

    @GetMapping("/{id}")
    AnnouncementView one(@PathVariable long id) {
        return announcements
                .find(id)
                .orElseThrow(() -> new NotFoundException("No announcement " + id + " in this city"));
    }

    @PostMapping
    ResponseEntity<AnnouncementView> publish(@Valid @RequestBody NewAnnouncement request) {
        AnnouncementView published = announcements.publish(request.title(), request.body());
        return ResponseEntity.created(URI.create("/api/announcements/" + published.id()))
                .body(published);
    }

    record NewAnnouncement(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String body) {}
}
