package eu.selfdata.governance.readiness;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.audit.AuditTrail;
import eu.selfdata.governance.consortium.Partner;
import eu.selfdata.governance.consortium.Partners;
import eu.selfdata.governance.problem.GovernanceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Partners fill the readiness questionnaire for the project; the summary shows what is missing or negative. */
@Component
class Readiness {

    private final Questionnaire questionnaire;
    private final JdbcClient jdbc;
    private final Partners partners;
    private final AuditTrail audit;

    Readiness(JsonMapper json, JdbcClient jdbc, Partners partners, AuditTrail audit) {
        try (InputStream in = new ClassPathResource("readiness/questionnaire.json").getInputStream()) {
            this.questionnaire = json.readValue(in, Questionnaire.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.jdbc = jdbc;
        this.partners = partners;
        this.audit = audit;
    }

    Questionnaire questionnaire() {
        return questionnaire;
    }

    @Transactional
    void answer(Caller caller, UUID partnerId, String itemId, Answer answer, String note) {
        Partner partner = accessible(caller, partnerId);
        Questionnaire.Item item =
                questionnaire.item(itemId).orElseThrow(() -> GovernanceException.notFound("Checklist item " + itemId));
        Map<String, Stored> before = answers(partnerId);
        jdbc.sql("""
                        insert into readiness_answer (partner_id, questionnaire_version, item_id, answer, note, answered_by, answered_at)
                        values (?, ?, ?, ?, ?, ?, clock_timestamp())
                        on conflict (partner_id, questionnaire_version, item_id)
                        do update set answer = excluded.answer, note = excluded.note, answered_by = excluded.answered_by,
                                      answered_at = excluded.answered_at""")
                .params(partner.id(), questionnaire.version(), item.id(), answer.name(), note, caller.subject())
                .update();
        audit.record(
                caller.subject(),
                "READINESS_ANSWERED",
                "readiness",
                partner.id() + "/" + item.id(),
                before.get(item.id()),
                new Stored(answer, note));
    }

    ReadinessSummary summary(Caller caller, UUID partnerId) {
        Partner partner = accessible(caller, partnerId);
        Map<String, Stored> answers = answers(partnerId);
        List<ReadinessSummary.SectionSummary> sections = questionnaire.sections().stream()
                .map(section -> new ReadinessSummary.SectionSummary(
                        section.id(),
                        section.title(),
                        section.items().stream()
                                .map(Questionnaire.Item::id)
                                .filter(id -> !answers.containsKey(id))
                                .toList(),
                        section.items().stream()
                                .filter(item -> answers.containsKey(item.id())
                                        && answers.get(item.id()).answer() != Answer.YES)
                                .map(item -> new ReadinessSummary.Concern(
                                        item.id(),
                                        item.question(),
                                        answers.get(item.id()).answer(),
                                        answers.get(item.id()).note()))
                                .toList()))
                .toList();
        int total = (int) questionnaire.sections().stream()
                .mapToLong(section -> section.items().size())
                .sum();
        boolean ready = sections.stream()
                .allMatch(section ->
                        section.unanswered().isEmpty() && section.concerns().isEmpty());
        return new ReadinessSummary(
                partner.id(), partner.name(), questionnaire.version(), ready, answers.size(), total, sections);
    }

    private Partner accessible(Caller caller, UUID partnerId) {
        Partner partner = partners.get(partnerId);
        if (!caller.coordinator() && !partners.represents(caller, partner)) {
            throw GovernanceException.forbidden(
                    "Only " + partner.name() + "'s representatives and the coordinators see its checklist");
        }
        return partner;
    }

    private Map<String, Stored> answers(UUID partnerId) {
        return jdbc
                .sql(
                        "select item_id, answer, note from readiness_answer where partner_id = ? and questionnaire_version = ?")
                .params(partnerId, questionnaire.version())
                .query((rs, row) ->
                        Map.entry(rs.getString(1), new Stored(Answer.valueOf(rs.getString(2)), rs.getString(3))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private record Stored(Answer answer, String note) {}
}
