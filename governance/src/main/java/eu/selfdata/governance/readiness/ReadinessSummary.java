package eu.selfdata.governance.readiness;

import java.util.List;
import java.util.UUID;

/**
 * Where a partner stands on the checklist: {@code ready} once every item is answered YES; the items
 * still open (unanswered) and those answered NO or PARTLY, with the partner's note, per section.
 */
public record ReadinessSummary(
        UUID partnerId,
        String partner,
        String questionnaireVersion,
        boolean ready,
        int answered,
        int total,
        List<SectionSummary> sections) {

    public record SectionSummary(String id, String title, List<String> unanswered, List<Concern> concerns) {}

    public record Concern(String item, String question, Answer answer, String note) {}
}
