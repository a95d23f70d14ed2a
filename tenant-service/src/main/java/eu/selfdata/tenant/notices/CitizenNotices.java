package eu.selfdata.tenant.notices;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.identity.CityIdentity;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.Accessor;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CitizenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a citizen of the current city a {@link Notice}, in their language (their profile's, else the city's
 * default), at the address the identity server holds for them, unless they turned off the notices that are not
 * legally required. Each mail sent goes to the citizen's access log as the platform using their address
 * ("platform → you"), so they see every mail the platform sent them. A notice about the account's end is composed
 * while the account exists and delivered after ({@link #compose}, {@link #deliver}).
 */
@Component
public class CitizenNotices implements CitizenMail {

    static final Accessor PLATFORM = new Accessor(Accessor.Kind.PLATFORM, "platform → you (mail)");
    static final String CATEGORY = "email-address";
    private static final Logger log = LoggerFactory.getLogger(CitizenNotices.class);

    private final CityJdbc city;
    private final TenantRegistry registry;
    private final ObjectProvider<CityIdentity> identity;
    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final AccessLog accessLog;
    private final String from;

    CitizenNotices(
            CityJdbc city,
            TenantRegistry registry,
            ObjectProvider<CityIdentity> identity,
            ObjectProvider<JavaMailSender> sender,
            MessageSource messages,
            AccessLog accessLog,
            @Value("${selfdata.mail.from:no-reply@selfdata.localhost}") String from) {
        this.city = city;
        this.registry = registry;
        this.identity = identity;
        this.sender = sender;
        this.messages = messages;
        this.accessLog = accessLog;
        this.from = from;
    }

    /** A notice ready to send: where, in which language, what. */
    public record Mail(String address, String language, String subject, String body) {}

    /** Mails the notice to a citizen of the current city, its texts filled with {@code arguments}. */
    public Outcome send(CitizenId citizen, Notice notice, Object... arguments) {
        return send(citizen, notice, language -> arguments);
    }

    /** The same, with arguments that depend on the citizen's language (fr or en), e.g. a purpose's title. */
    public Outcome send(CitizenId citizen, Notice notice, Function<String, Object[]> arguments) {
        return send(citizen, notice.subjectKey(), notice.bodyKey(), notice.legallyRequired(), arguments);
    }

    /** A module's message: never legally required, so the citizen's choice to turn notices off holds. */
    @Override
    public Outcome send(CitizenId citizen, String subjectKey, String bodyKey, Object... arguments) {
        return send(citizen, subjectKey, bodyKey, false, language -> arguments);
    }

    private Outcome send(
            CitizenId citizen,
            String subjectKey,
            String bodyKey,
            boolean legallyRequired,
            Function<String, Object[]> arguments) {
        if (!legallyRequired && !wantsOptionalNotices(citizen)) {
            return Outcome.TURNED_OFF;
        }
        Optional<Mail> mail = compose(citizen, subjectKey, bodyKey, arguments);
        if (mail.isEmpty()) {
            return Outcome.NO_ADDRESS;
        }
        if (!deliver(mail.get())) {
            return Outcome.NOT_SENT;
        }
        accessLog.record(
                citizen,
                PLATFORM,
                CATEGORY,
                messages.getMessage(
                        "notice.logged",
                        new Object[] {mail.get().subject()},
                        Locale.forLanguageTag(mail.get().language())));
        return Outcome.SENT;
    }

    /** The notice for a citizen of the current city, or empty when there is no address or no mail server. */
    public Optional<Mail> compose(CitizenId citizen, Notice notice, Function<String, Object[]> arguments) {
        return compose(citizen, notice.subjectKey(), notice.bodyKey(), arguments);
    }

    private Optional<Mail> compose(
            CitizenId citizen, String subjectKey, String bodyKey, Function<String, Object[]> arguments) {
        Recipient recipient = city.jdbc()
                .sql("select subject, language from citizen where id = ?")
                .param(citizen.value())
                .query((rs, row) -> new Recipient(rs.getString(1), rs.getString(2)))
                .single();
        Optional<String> address = Optional.ofNullable(identity.getIfAvailable())
                .flatMap(keycloak -> keycloak.emailOf(recipient.subject()));
        if (address.isEmpty() || sender.getIfAvailable() == null) {
            return Optional.empty();
        }
        String language = recipient.language() != null
                ? recipient.language()
                : registry.get(city.city()).branding().defaultLanguage();
        Locale locale = Locale.forLanguageTag(language);
        Object[] filled = arguments.apply(language);
        return Optional.of(new Mail(
                address.get(),
                language,
                messages.getMessage(subjectKey, filled, locale),
                messages.getMessage(bodyKey, filled, locale)));
    }

    /** Whether a mail server is configured at all (a development platform may have none). */
    public boolean canDeliver() {
        return sender.getIfAvailable() != null;
    }

    /** @return false when the mail server refused it (logged) */
    public boolean deliver(Mail mail) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return false;
        }
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.address());
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
            message.setContentLanguage(new String[] {mail.language()});
            smtp.send(message);
            return true;
        } catch (MailException | MessagingException e) {
            log.warn("A notice to a citizen was not sent: {}", e.getMessage());
            return false;
        }
    }

    private boolean wantsOptionalNotices(CitizenId citizen) {
        return city.jdbc()
                .sql("select optional_notices from citizen where id = ?")
                .param(citizen.value())
                .query(Boolean.class)
                .single();
    }

    private record Recipient(String subject, String language) {}
}
