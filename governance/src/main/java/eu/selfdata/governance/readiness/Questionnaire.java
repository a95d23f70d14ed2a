package eu.selfdata.governance.readiness;

import java.util.List;
import java.util.Optional;

/** The readiness checklist of the roadmap (action 8), versioned: answers name the version they answer. */
public record Questionnaire(String version, String source, List<Section> sections) {

    public record Section(String id, String title, List<Item> items) {}

    public record Item(String id, String question) {}

    Optional<Item> item(String id) {
        return sections.stream()
                .flatMap(section -> section.items().stream())
                .filter(item -> item.id().equals(id))
                .findFirst();
    }
}
