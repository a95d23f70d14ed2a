package eu.selfdata.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailboxTest {

    @Test
    void keepsEveryMailAndShowsItOnItsPageWithoutRunningItsMarkup() throws Exception {
        try (Mailbox mailbox = Mailbox.start(0, 0);
                HttpClient http = HttpClient.newHttpClient()) {
            send(
                    mailbox,
                    "camille@example.org",
                    "Vérifiez votre adresse <La Rochelle>",
                    "Cliquez : http://localhost:8180/realms/selfdata/login-actions/action-token?key=abc&client_id=portal-larochelle",
                    "<p><a href=\"http://localhost:8180/realms/selfdata/login-actions/action-token?key=abc&amp;client_id=portal-larochelle\">ici</a>"
                            + "<script>alert(1)</script></p>");
            send(mailbox, "dominique@example.org", "Autre", "rien", null);

            Mail mail =
                    mailbox.await("Camille@example.org", m -> m.subject().contains("Vérifiez"), Duration.ofSeconds(5));

            assertThat(mail.from()).isEqualTo("no-reply@selfdata.localhost");
            assertThat(mail.link("action-token"))
                    .contains(
                            "http://localhost:8180/realms/selfdata/login-actions/action-token?key=abc&client_id=portal-larochelle");
            assertThat(mailbox.mailsTo("dominique@example.org"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.html()).isEmpty());
            String list = get(http, mailbox, "").body();
            assertThat(list)
                    .contains("Mailbox (2)")
                    .contains("Vérifiez votre adresse &lt;La Rochelle&gt;")
                    .doesNotContain("<La Rochelle>");
            HttpResponse<String> html = get(http, mailbox, "mails/" + mail.number() + ".html");
            assertThat(html.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).startsWith("sandbox"));
            assertThat(get(http, mailbox, "mails/" + mail.number() + ".eml").body())
                    .contains("Subject:");
            assertThat(get(http, mailbox, "mails/99").statusCode()).isEqualTo(404);
            assertThatThrownBy(() -> mailbox.await("nobody@example.org", m -> true, Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("nobody@example.org");
        }
    }

    private static HttpResponse<String> get(HttpClient http, Mailbox mailbox, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(mailbox.pageUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void send(Mailbox mailbox, String to, String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mailbox.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(mailbox.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@selfdata.localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent(html, "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", plain, rich));
        }
        Transport.send(message);
    }
}
