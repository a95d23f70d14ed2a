package eu.selfdata.mailbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An SMTP server on loopback that accepts every mail and keeps it (GreenMail), with a page listing them
 * ({@link MailboxPage}). The dev run points Keycloak and the services at it, so the demo flows' mails (e-mail
 * verification, password reset, invitations, notices) can be read; tests read them through {@link #await}.
 * Nothing is relayed anywhere: a mail never leaves the machine.
 */
public final class Mailbox implements AutoCloseable {

    private final GreenMail smtp;
    private final MailboxPage page;

    private Mailbox(GreenMail smtp, int pagePort) {
        this.smtp = smtp;
        // the page reads the mails only when asked, once this mailbox is built
        this.page = MailboxPage.start(pagePort, this::mails);
    }

    /**
     * @param smtpPort where SMTP listens on 127.0.0.1, 0 for a free port
     * @param pagePort where the page listens on 127.0.0.1, 0 for a free port
     */
    public static Mailbox start(int smtpPort, int pagePort) {
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(smtpPort == 0 ? setup.dynamicPort() : setup);
        smtp.start();
        try {
            return new Mailbox(smtp, pagePort);
        } catch (RuntimeException e) {
            smtp.stop();
            throw e;
        }
    }

    public String smtpHost() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    /** {@code http://localhost:<port>/}: every mail received, newest first. */
    public URI pageUrl() {
        return page.url();
    }

    /** Every mail received so far, oldest first. */
    public List<Mail> mails() {
        MimeMessage[] received = smtp.getReceivedMessages();
        List<Mail> mails = new ArrayList<>(received.length);
        for (int i = 0; i < received.length; i++) {
            mails.add(read(i + 1, received[i]));
        }
        return mails;
    }

    /** The mails sent to {@code address}, oldest first. */
    public List<Mail> mailsTo(String address) {
        return mails().stream().filter(mail -> mail.isFor(address)).toList();
    }

    /**
     * The first mail to {@code address} that matches, waited for up to {@code timeout}.
     *
     * @throws AssertionError naming the mails that did arrive for that address
     */
    public Mail await(String address, Predicate<Mail> matching, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<Mail> found = mailsTo(address).stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No matching mail to " + address + " within " + timeout.toSeconds()
                        + " s; received for it: " + mailsTo(address));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        page.close();
        smtp.stop();
    }

    private static Mail read(int number, MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            ByteArrayOutputStream eml = new ByteArrayOutputStream();
            message.writeTo(eml);
            Instant received = Optional.ofNullable(message.getSentDate())
                    .map(java.util.Date::toInstant)
                    .orElse(Instant.now());
            String[] language = message.getContentLanguage();
            return new Mail(
                    number,
                    received,
                    addresses(message.getFrom()).stream().findFirst().orElse(""),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject(),
                    language == null || language.length == 0 ? "" : language[0],
                    text.toString(),
                    html.toString(),
                    eml.toByteArray());
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail " + number, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable mail " + number, e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, html);
            }
        } else if (content instanceof String body) {
            (part.isMimeType("text/html") ? html : text).append(body);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses).map(Mailbox::bare).toList();
    }

    private static String bare(Address address) {
        return address instanceof jakarta.mail.internet.InternetAddress internet
                ? internet.getAddress()
                : address.toString();
    }
}
