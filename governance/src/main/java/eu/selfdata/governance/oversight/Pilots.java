package eu.selfdata.governance.oversight;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.audit.AuditTrail;
import eu.selfdata.governance.consortium.Partner;
import eu.selfdata.governance.consortium.Partners;
import eu.selfdata.governance.mail.MailOutbox;
import eu.selfdata.governance.oversight.domain.PanelRule;
import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.problem.ProblemType;
import eu.selfdata.governance.tenantservice.CityRecord;
import eu.selfdata.governance.tenantservice.TenantServiceClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Citizen oversight of pilots ("droit de regard"). Starting a pilot enables its module for the city
 * in tenant-service; residents of that city join the panel on the city's host and each may vote once
 * to stop it. The vote that reaches the threshold moves the pilot to STOPPING in the same
 * transaction; governance then disables the module in tenant-service and records the notice the
 * citizens see. A failed call is retried until tenant-service confirms. Once stopped, the coordinator who
 * started it and the city's first admin are mailed at once (through the {@link MailOutbox}), and tenant-service
 * mails each panel member in their own language (retried until it confirms).
 *
 * <p>Who may join the panel is the pilot's {@link PanelRule}: a verified e-mail address always, and optionally an
 * account created before the pilot started and a minimum account age, read from the token's
 * {@code account_created_at} (the identity server's own creation time, signed in the token).
 */
@Component
class Pilots {

    private static final Logger log = LoggerFactory.getLogger(Pilots.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Partners partners;
    private final TenantServiceClient tenantService;
    private final AuditTrail audit;
    private final MailOutbox mails;
    private final Clock clock;
    private final MessageSource messages;

    Pilots(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Partners partners,
            TenantServiceClient tenantService,
            AuditTrail audit,
            MailOutbox mails,
            Clock clock,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.partners = partners;
        this.tenantService = tenantService;
        this.audit = audit;
        this.mails = mails;
        this.clock = clock;
        this.messages = messages;
    }

    /** @param language the coordinator's language for the mail telling them it stopped (fr or en) */
    Pilot start(
            Caller caller,
            String city,
            String module,
            String title,
            int stopVotesRequired,
            PanelRule rule,
            String language) {
        caller.requirePlatformHost();
        caller.requireCoordinator();
        Partner partner = partners.city(city)
                .filter(Partner::isMember)
                .orElseThrow(() -> GovernanceException.notFound("Partner city " + city));
        UUID id = UUID.randomUUID();
        // the module is enabled inside the transaction: if tenant-service refuses, no pilot is recorded
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                            insert into pilot (id, city_slug, module_id, title, stop_votes_required, status, started_at,
                                               panel_account_before_start, panel_min_account_days, started_by_email, started_by_language)
                            values (?, ?, ?, ?, ?, 'RUNNING', clock_timestamp(), ?, ?, ?, ?)""")
                    .params(
                            id,
                            partner.citySlug(),
                            module,
                            title,
                            stopVotesRequired,
                            rule.accountBeforeStart(),
                            rule.minimumAccountAgeDays(),
                            caller.email(),
                            language)
                    .update();
            tenantService.enableModule(partner.citySlug(), module);
            notify(id, "notice.pilotStarted", title, stopVotesRequired);
            audit.record(
                    caller.subject(),
                    "PILOT_STARTED",
                    "pilot",
                    id,
                    null,
                    Map.of(
                            "city",
                            city,
                            "module",
                            module,
                            "stopVotesRequired",
                            stopVotesRequired,
                            "panelRule",
                            rule.describe()));
        });
        return get(id);
    }

    /** The coordinator's language for mails: the one of their account, else the one of their request. */
    static String mailLanguage(Caller caller, Locale request) {
        return caller.language() != null ? caller.language() : "fr".equals(request.getLanguage()) ? "fr" : "en";
    }

    GovernanceException thresholdIsFixed(UUID id) {
        Pilot pilot = get(id);
        return new GovernanceException(
                ProblemType.PILOT_RUNNING,
                "The stop threshold of '" + pilot.title() + "' was fixed when it started and cannot change");
    }

    List<Pilot> list(Caller caller) {
        if (caller.hostCity().isEmpty()) {
            caller.requireCoordinator();
        }
        return jdbc
                .sql(
                        "select id from pilot where cast(:city as varchar) is null or city_slug = :city order by started_at desc")
                .param("city", caller.hostCity().orElse(null))
                .query(UUID.class)
                .list()
                .stream()
                .map(this::get)
                .toList();
    }

    /** On a city's host only that city's pilots exist. */
    Pilot visibleTo(Caller caller, UUID id) {
        Pilot pilot = get(id);
        if (caller.hostCity().isPresent() ? !caller.hostCity().get().equals(pilot.city()) : !caller.coordinator()) {
            throw GovernanceException.notFound("Pilot " + id);
        }
        return pilot;
    }

    /** Whether the caller sits on the pilot's panel and has voted to stop it. */
    Participation participation(Caller caller, UUID id) {
        if (!caller.authenticated()) {
            return new Participation(false, false);
        }
        return jdbc.sql("""
                        select exists (select 1 from panel_member where pilot_id = :id and subject = :subject),
                               exists (select 1 from stop_vote where pilot_id = :id and subject = :subject)""")
                .param("id", id)
                .param("subject", caller.subject())
                .query((rs, row) -> new Participation(rs.getBoolean(1), rs.getBoolean(2)))
                .single();
    }

    record Participation(boolean member, boolean voted) {}

    void join(Caller caller, UUID id) {
        Pilot pilot = residentsPilot(caller, id);
        caller.requireVerified("A seat on a citizen panel");
        if (!"RUNNING".equals(pilot.status())) {
            throw new GovernanceException(ProblemType.STATE_CONFLICT, "This pilot has stopped");
        }
        pilot.panelRule()
                .refusal(caller.accountCreatedAt(), pilot.startedAt(), clock.instant())
                .ifPresent(refusal -> {
                    throw new GovernanceException(
                            ProblemType.PANEL_RULE_NOT_MET,
                            "This panel takes " + pilot.panelRule().describe()
                                    + switch (refusal) {
                                        case CREATION_TIME_UNKNOWN ->
                                            "; the identity server did not say when your account was created";
                                        case CREATED_AFTER_START ->
                                            "; your account was created after the pilot started";
                                        case ACCOUNT_TOO_RECENT -> "; your account is more recent than that";
                                    });
                });
        tx.executeWithoutResult(status -> {
            if (jdbc.sql(
                                    "insert into panel_member (pilot_id, subject, joined_at) values (?, ?, clock_timestamp()) on conflict do nothing")
                            .params(id, caller.subject())
                            .update()
                    == 1) {
                audit.record(caller.subject(), "PANEL_JOINED", "pilot", id, null, null);
            }
        });
    }

    /** One vote per panel member; the vote that reaches the threshold stops the pilot. */
    Pilot voteStop(Caller caller, UUID id) {
        residentsPilot(caller, id);
        caller.requireVerified("A vote to stop a pilot");
        Boolean reached = tx.execute(status -> {
            Pilot pilot = lock(id);
            if (!"RUNNING".equals(pilot.status())) {
                throw new GovernanceException(ProblemType.STATE_CONFLICT, "This pilot is stopped or stopping already");
            }
            if (jdbc.sql("select count(*) from panel_member where pilot_id = ? and subject = ?")
                            .params(id, caller.subject())
                            .query(Integer.class)
                            .single()
                    == 0) {
                throw GovernanceException.forbidden("Only members of the pilot's citizen panel vote to stop it");
            }
            if (jdbc.sql(
                                    "insert into stop_vote (pilot_id, subject, cast_at) values (?, ?, clock_timestamp()) on conflict do nothing")
                            .params(id, caller.subject())
                            .update()
                    == 0) {
                throw new GovernanceException(ProblemType.ALREADY_DONE, "You have voted to stop this pilot already");
            }
            audit.record(caller.subject(), "STOP_VOTE_CAST", "pilot", id, null, null);
            int votes = jdbc.sql("select count(*) from stop_vote where pilot_id = ?")
                    .param(id)
                    .query(Integer.class)
                    .single();
            if (votes < pilot.stopVotesRequired()) {
                return false;
            }
            jdbc.sql("update pilot set status = 'STOPPING' where id = ?")
                    .param(id)
                    .update();
            audit.record(
                    "citizen-panel",
                    "PILOT_STOP_DECIDED",
                    "pilot",
                    id,
                    Map.of("status", "RUNNING"),
                    Map.of("status", "STOPPING", "stopVotes", votes));
            return true;
        });
        if (Boolean.TRUE.equals(reached)) {
            completeStop(id);
        }
        return get(id);
    }

    @Scheduled(
            fixedDelayString = "${selfdata.pilots.stop-retry-interval:30s}",
            initialDelayString = "${selfdata.pilots.stop-retry-interval:30s}")
    void retryStops() {
        jdbc.sql("select id from pilot where status = 'STOPPING'")
                .query(UUID.class)
                .list()
                .forEach(this::completeStop);
        jdbc.sql("select id from pilot where status = 'STOPPED' and panel_notified_at is null")
                .query(UUID.class)
                .list()
                .forEach(this::noticePanel);
    }

    private void completeStop(UUID id) {
        Pilot pilot = get(id);
        CityRecord city;
        try {
            city = tenantService.city(pilot.city());
            tenantService.disableModule(pilot.city(), pilot.module());
        } catch (GovernanceException e) {
            log.warn(
                    "Pilot {} of {}: module {} not disabled yet, will retry: {}",
                    id,
                    pilot.city(),
                    pilot.module(),
                    e.getMessage());
            return;
        }
        Boolean stopped = tx.execute(status -> {
            if (jdbc.sql(
                                    "update pilot set status = 'STOPPED', stopped_at = clock_timestamp() where id = ? and status = 'STOPPING'")
                            .param(id)
                            .update()
                    == 0) {
                return false;
            }
            notify(id, "notice.pilotStopped", pilot.stopVotes(), pilot.stopVotesRequired(), pilot.module());
            audit.record(
                    "citizen-panel",
                    "PILOT_STOPPED",
                    "pilot",
                    id,
                    Map.of("status", "STOPPING"),
                    Map.of("status", "STOPPED"));
            Object[] mail = {
                pilot.title(), city.displayName(), pilot.stopVotes(), pilot.stopVotesRequired(), pilot.module()
            };
            jdbc.sql(
                            "select started_by_email, started_by_language from pilot where id = ? and started_by_email is not null")
                    .param(id)
                    .query((rs, row) -> new Recipient(rs.getString(1), rs.getString(2)))
                    .optional()
                    .ifPresent(coordinator ->
                            mails.enqueue(coordinator.email(), coordinator.language(), "mail.pilotStopped", mail));
            if (city.adminEmail() != null) {
                mails.enqueue(city.adminEmail(), city.language(), "mail.pilotStopped", mail);
            }
            return true;
        });
        if (Boolean.TRUE.equals(stopped)) {
            noticePanel(id);
        }
    }

    /** tenant-service mails each panel member in their language; retried until it confirms. */
    private void noticePanel(UUID id) {
        Pilot pilot = get(id);
        List<String> panel = jdbc.sql("select subject from panel_member where pilot_id = ? order by joined_at")
                .param(id)
                .query(String.class)
                .list();
        try {
            tenantService.noticePilotStopped(pilot.city(), panel, pilot.title(), pilot.module());
        } catch (GovernanceException e) {
            log.warn("Pilot {} of {}: panel not told yet, will retry: {}", id, pilot.city(), e.getMessage());
            return;
        }
        jdbc.sql("update pilot set panel_notified_at = clock_timestamp() where id = ?")
                .param(id)
                .update();
    }

    /** Whom governance mails about a pilot; never part of the pilot as residents see it. */
    private record Recipient(String email, String language) {}

    private Pilot residentsPilot(Caller caller, UUID id) {
        Pilot pilot = get(id);
        if (caller.hostCity().filter(pilot.city()::equals).isEmpty()) {
            throw GovernanceException.notFound("Pilot " + id);
        }
        if (!caller.residentOfHostCity()) {
            throw GovernanceException.forbidden(
                    "Only residents of " + pilot.city() + " take part in its pilots' panels");
        }
        return pilot;
    }

    /** A notice the citizens read in their language: its message key and arguments are kept, its English text too. */
    private void notify(UUID pilot, String key, Object... arguments) {
        String[] texts = Arrays.stream(arguments).map(String::valueOf).toArray(String[]::new);
        jdbc.sql(
                        "insert into pilot_notice (pilot_id, message, message_key, arguments, at) values (?, ?, ?, cast(? as jsonb), clock_timestamp())")
                .params(pilot, messages.getMessage(key, texts, Locale.ENGLISH), key, JSON.writeValueAsString(texts))
                .update();
    }

    private Pilot get(UUID id) {
        return jdbc.sql("""
                        select p.*, (select count(*) from panel_member m where m.pilot_id = p.id) panel_size,
                               (select count(*) from stop_vote v where v.pilot_id = p.id) stop_votes
                          from pilot p where p.id = ?""")
                .param(id)
                .query(this::row)
                .optional()
                .orElseThrow(() -> GovernanceException.notFound("Pilot " + id));
    }

    private Pilot lock(UUID id) {
        jdbc.sql("select id from pilot where id = ? for update")
                .param(id)
                .query(UUID.class)
                .single();
        return get(id);
    }

    private Pilot row(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Timestamp stopped = rs.getTimestamp("stopped_at");
        Locale language = LocaleContextHolder.getLocale();
        List<Pilot.Notice> notices = jdbc.sql(
                        "select message, message_key, arguments::text, at from pilot_notice where pilot_id = ? order by id")
                .param(id)
                .query((n, i) -> new Pilot.Notice(
                        n.getString(2) == null
                                ? n.getString(1)
                                : messages.getMessage(
                                        n.getString(2), JSON.readValue(n.getString(3), String[].class), language),
                        n.getTimestamp(4).toInstant()))
                .list();
        return new Pilot(
                id,
                rs.getString("city_slug"),
                rs.getString("module_id"),
                rs.getString("title"),
                rs.getInt("stop_votes_required"),
                new PanelRule(
                        rs.getBoolean("panel_account_before_start"), (Integer) rs.getObject("panel_min_account_days")),
                rs.getString("status"),
                rs.getTimestamp("started_at").toInstant(),
                stopped == null ? null : stopped.toInstant(),
                rs.getInt("panel_size"),
                rs.getInt("stop_votes"),
                notices);
    }
}
