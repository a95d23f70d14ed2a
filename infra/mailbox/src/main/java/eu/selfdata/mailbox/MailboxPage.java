package eu.selfdata.mailbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mailbox as a small web page on loopback: {@code /} lists the mails, newest first; {@code /mails/{n}}
 * shows one (headers, the text part, its links); {@code /mails/{n}.html} its HTML part in a sandbox (no script
 * runs, no form posts); {@code /mails/{n}.eml} the message as sent, for a mail client.
 */
final class MailboxPage implements AutoCloseable {

    private static final Pattern ONE = Pattern.compile("/mails/(\\d{1,9})(\\.html|\\.eml)?");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final HttpServer server;

    private MailboxPage(HttpServer server) {
        this.server = server;
    }

    static MailboxPage start(int port, Supplier<List<Mail>> mails) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                try (exchange) {
                    answer(exchange, mails.get());
                }
            });
            server.start();
            return new MailboxPage(server);
        } catch (IOException e) {
            throw new UncheckedIOException("The mailbox page could not listen on port " + port, e);
        }
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, List<Mail> mails) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (path.equals("/")) {
            send(exchange, 200, "text/html", list(mails).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Matcher one = ONE.matcher(path);
        Optional<Mail> mail = one.matches()
                ? mails.stream()
                        .filter(m -> m.number() == Integer.parseInt(one.group(1)))
                        .findFirst()
                : Optional.empty();
        if (mail.isEmpty()) {
            send(exchange, 404, "text/plain", "No such mail".getBytes(StandardCharsets.UTF_8));
        } else if (".eml".equals(one.group(2))) {
            exchange.getResponseHeaders()
                    .set(
                            "Content-Disposition",
                            "attachment; filename=\"mail-" + mail.get().number() + ".eml\"");
            send(exchange, 200, "message/rfc822", mail.get().eml());
        } else if (".html".equals(one.group(2))) {
            // the mail's own markup: shown in a sandbox, so nothing in it runs or submits
            exchange.getResponseHeaders()
                    .set(
                            "Content-Security-Policy",
                            "sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline'");
            send(exchange, 200, "text/html", mail.get().html().getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, 200, "text/html", one(mail.get()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String list(List<Mail> mails) {
        StringBuilder rows = new StringBuilder();
        for (Mail mail : mails.reversed()) {
            rows.append("<tr><td>")
                    .append(TIME.format(mail.received()))
                    .append("</td><td>")
                    .append(escape(String.join(", ", mail.to())))
                    .append("</td><td><a href=\"/mails/")
                    .append(mail.number())
                    .append("\">")
                    .append(escape(mail.subject()))
                    .append("</a></td><td><a href=\"/mails/")
                    .append(mail.number())
                    .append(".eml\">.eml</a></td></tr>\n");
        }
        return page(
                "Mailbox",
                "<h1>Mailbox (" + mails.size() + ")</h1><p>Every mail the platform sent in this run. "
                        + "None left this machine.</p><table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>File</th></tr></thead><tbody>"
                        + rows + "</tbody></table>");
    }

    private static String one(Mail mail) {
        StringBuilder links = new StringBuilder();
        Matcher matcher = Pattern.compile("https?://[^\\s\"'<>]+").matcher(mail.text());
        while (matcher.find()) {
            links.append("<li><a href=\"")
                    .append(escape(matcher.group()))
                    .append("\">")
                    .append(escape(matcher.group()))
                    .append("</a></li>");
        }
        return page(
                mail.subject(),
                "<p><a href=\"/\">All mails</a></p><h1>" + escape(mail.subject()) + "</h1><dl><dt>From</dt><dd>"
                        + escape(mail.from()) + "</dd><dt>To</dt><dd>" + escape(String.join(", ", mail.to()))
                        + "</dd><dt>Received</dt><dd>"
                        + TIME.format(mail.received()) + "</dd></dl>"
                        + (mail.html().isEmpty()
                                ? ""
                                : "<p><a href=\"/mails/" + mail.number()
                                        + ".html\">As the recipient sees it (HTML)</a></p>")
                        + "<pre>" + escape(mail.text()) + "</pre><h2>Links</h2><ul>" + links
                        + "</ul><p><a href=\"/mails/" + mail.number()
                        + ".eml\">Download .eml</a></p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2rem}td,th{padding:.3rem .6rem;text-align:left}"
                + "pre{white-space:pre-wrap;background:#f4f5f7;padding:1rem}</style></head><body>" + body
                + "</body></html>";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + (type.startsWith("text/") ? "; charset=utf-8" : ""));
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
