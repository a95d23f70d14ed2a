package eu.selfdata.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mail the {@link Mailbox} received: its envelope, its text and HTML parts (either may be empty) and the
 * message as sent ({@code .eml}).
 *
 * @param number its place in the mailbox, from 1
 */
public record Mail(
        int number,
        Instant received,
        String from,
        List<String> to,
        String subject,
        String language,
        String text,
        String html,
        byte[] eml) {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    public Mail {
        Objects.requireNonNull(received, "received");
        to = List.copyOf(to);
        subject = Objects.requireNonNullElse(subject, "");
        language = Objects.requireNonNullElse(language, "");
        text = Objects.requireNonNullElse(text, "");
        html = Objects.requireNonNullElse(html, "");
    }

    public boolean isFor(String address) {
        return to.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address));
    }

    /** The first link of the text part (else of the HTML part) that contains {@code fragment}, HTML entities decoded. */
    public Optional<String> link(String fragment) {
        for (String body : List.of(text, html)) {
            Matcher matcher = LINK.matcher(body);
            while (matcher.find()) {
                String link = matcher.group().replace("&amp;", "&");
                if (link.contains(fragment)) {
                    return Optional.of(link);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Mail[" + number + " to " + to + ": " + subject + "]";
    }
}
