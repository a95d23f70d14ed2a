package eu.selfdata.tenant.notices;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.identity.CityIdentity;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.Accessor;
import eu.selfdata.usecase.api.CitizenId;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * Mails a citizen of the current city a {@link Notice}, in their language (their profile's, else the city's
 * default), at the address the identity server holds for them, unless they turned off the notices that are not
 * legally required. Each mail sent goes to the citizen's access log as the platform using their address
 * ("platform → you"), so they see every mail the platform sent them.
 */
@Component
public class CitizenNotices {

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

    CitizenNotices(CityJdbc city, TenantRegistry registry, ObjectProvider<CityIdentity> identity, ObjectProvider<JavaMailSender> sender,
                   MessageSource messages, AccessLog accessLog, @Value("${selfdata.mail.from:no-reply@selfdata.localhost}") String from) {
        this.city = city;
        this.registry = registry;
        this.identity = identity;
        this.sender = sender;
        this.messages = messages;
        this.accessLog = accessLog;
        this.from = from;
    }

    /** What happened to one notice. */
    public enum Outcome { SENT, TURNED_OFF, NO_ADDRESS, NOT_SENT }

    /** Mails the notice to a citizen of the current city, its texts filled with {@code arguments}. */
    public Outcome send(CitizenId citizen, Notice notice, Object... arguments) {
        Recipient recipient = city.jdbc().sql("select subject, language, optional_notices from citizen where id = ?")
                .param(citizen.value()).query((rs, row) -> new Recipient(rs.getString(1), rs.getString(2), rs.getBoolean(3))).single();
        if (!notice.legallyRequired() && !recipient.optionalNotices()) {
            return Outcome.TURNED_OFF;
        }
        Optional<String> address = Optional.ofNullable(identity.getIfAvailable()).flatMap(keycloak -> keycloak.emailOf(recipient.subject()));
        JavaMailSender mail = sender.getIfAvailable();
        if (address.isEmpty() || mail == null) {
            return Outcome.NO_ADDRESS;
        }
        String language = recipient.language() != null ? recipient.language() : registry.get(city.city()).branding().defaultLanguage();
        Locale locale = Locale.forLanguageTag(language);
        String subject = messages.getMessage(notice.subjectKey(), arguments, locale);
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(address.get());
            helper.setSubject(subject);
            helper.setText(messages.getMessage(notice.bodyKey(), arguments, locale));
            message.setContentLanguage(new String[] {language});
            mail.send(message);
        } catch (MailException | MessagingException e) {
            log.warn("Notice {} to a citizen of {} not sent: {}", notice, city.city(), e.getMessage());
            return Outcome.NOT_SENT;
        }
        accessLog.record(citizen, PLATFORM, CATEGORY, messages.getMessage("notice.logged", new Object[] {subject}, locale));
        return Outcome.SENT;
    }

    private record Recipient(String subject, String language, boolean optionalNotices) {
    }
}
