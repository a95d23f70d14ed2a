package eu.selfdata.governance.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * governance's mails (a pilot stopped: its coordinator, the city's admin), written to {@code mail_outbox} in the
 * transaction of what they tell, so none is lost when the mail server is down and none is sent for a change that
 * rolled back. They are sent right after that transaction commits and retried every
 * {@code selfdata.mail.retry-interval} (at most {@value #MAX_ATTEMPTS} times) through Spring's mail sender
 * ({@code spring.mail.*}); without {@code spring.mail.host} they wait. Texts come from the message bundle in the
 * recipient's language ({@code <key>.subject}, {@code <key>.body}).
 */
@Component
public class MailOutbox {

    static final int MAX_ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    MailOutbox(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            MessageSource messages,
            ObjectProvider<JavaMailSender> sender,
            @Value("${selfdata.mail.from:no-reply@selfdata.localhost}") String from) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.messages = messages;
        this.sender = sender;
        this.from = from;
    }

    /** Queues the mail {@code key} to {@code recipient} in {@code language} (fr or en); sent once the caller's transaction commits. */
    public void enqueue(String recipient, String language, String key, Object... arguments) {
        Locale locale = Locale.forLanguageTag(language);
        jdbc.sql("insert into mail_outbox (recipient, language, subject, body) values (?, ?, ?, ?)")
                .params(
                        recipient,
                        language,
                        messages.getMessage(key + ".subject", arguments, locale),
                        messages.getMessage(key + ".body", arguments, locale))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Thread.startVirtualThread(MailOutbox.this::sendPending);
                }
            });
        } else {
            Thread.startVirtualThread(this::sendPending);
        }
    }

    @Scheduled(
            fixedDelayString = "${selfdata.mail.retry-interval:30s}",
            initialDelayString = "${selfdata.mail.retry-interval:30s}")
    public void sendPending() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        // one transaction per batch; rows being sent by another thread or replica are skipped, never sent twice
        tx.executeWithoutResult(status -> jdbc.sql("""
                        select id, recipient, language, subject, body from mail_outbox
                         where sent_at is null and attempts < ? order by id limit 50 for update skip locked""")
                .param(MAX_ATTEMPTS)
                .query((rs, row) ->
                        new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list()
                .forEach(pending -> send(mail, pending)));
    }

    private void send(JavaMailSender mail, Pending pending) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(pending.recipient());
            helper.setSubject(pending.subject());
            helper.setText(pending.body());
            message.setContentLanguage(new String[] {pending.language()});
            mail.send(message);
            jdbc.sql("update mail_outbox set sent_at = clock_timestamp(), attempts = attempts + 1 where id = ?")
                    .param(pending.id())
                    .update();
        } catch (MailException | MessagingException e) {
            log.warn("Mail {} not sent yet: {}", pending.id(), e.getMessage());
            String error = String.valueOf(e.getMessage());
            jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = ? where id = ?")
                    .params(error.substring(0, Math.min(500, error.length())), pending.id())
                    .update();
        }
    }

    private record Pending(long id, String recipient, String language, String subject, String body) {}
}
