package eu.selfdata.contract.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import org.springframework.http.ProblemDetail;

/**
 * Problem titles in the request's language: English is each type's own title; the French ones are in
 * {@code titles_fr.properties} beside this class, keyed by type name, for every service's types. The type, status
 * and detail never change with the language (clients switch on the type).
 */
public final class ProblemTitles {

    private static final ResourceBundle FRENCH = load();

    private ProblemTitles() {}

    /** Gives the problem its title in {@code locale} when it is French and the type is the platform's; returns it. */
    public static ProblemDetail localize(ProblemDetail problem, Locale locale) {
        title(problem.getType(), locale).ifPresent(problem::setTitle);
        return problem;
    }

    /** The French title of a platform problem type, when {@code locale} is French. */
    public static Optional<String> title(URI type, Locale locale) {
        if (type == null
                || locale == null
                || !"fr".equals(locale.getLanguage())
                || !type.toString().startsWith(Problems.BASE)) {
            return Optional.empty();
        }
        String name = type.toString().substring(Problems.BASE.length());
        return FRENCH.containsKey(name) ? Optional.of(FRENCH.getString(name)) : Optional.empty();
    }

    private static ResourceBundle load() {
        try (InputStream in = ProblemTitles.class.getResourceAsStream("titles_fr.properties")) {
            return new PropertyResourceBundle(
                    new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new MissingResourceException("titles_fr.properties", ProblemTitles.class.getName(), "");
        }
    }
}
