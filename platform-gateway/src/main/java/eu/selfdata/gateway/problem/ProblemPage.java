package eu.selfdata.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/** The HTML face of a problem, for browsers: status, title and detail, no script, nothing from the request but the path. */
public final class ProblemPage {

    static final MediaType CONTENT_TYPE = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private ProblemPage() {}

    /**
     * Whether the client ranks HTML above JSON: a browser navigating sends {@code text/html} first; an
     * API client sends JSON, nothing or {@code *}{@code /*}, and keeps getting problem JSON.
     */
    public static boolean prefersHtml(List<MediaType> accept) {
        List<MediaType> ranked = new ArrayList<>(accept);
        // stable: among equal qualities the client's order is kept
        ranked.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : ranked) {
            if (type.getQualityValue() == 0 || type.isWildcardType()) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                return false;
            }
        }
        return false;
    }

    static byte[] render(Problem problem) {
        String title = HtmlUtils.htmlEscape(problem.title());
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%d %s</title></head>
                <body>
                <main>
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="/">Back to the home page</a></p>
                <p><small>HTTP %d · <a href="%s">%s</a> · %s</small></p>
                </main>
                </body>
                </html>
                """.formatted(
                        problem.status(),
                        title,
                        title,
                        HtmlUtils.htmlEscape(problem.detail()),
                        problem.status(),
                        HtmlUtils.htmlEscape(problem.type().toString()),
                        HtmlUtils.htmlEscape(problem.type().toString()),
                        HtmlUtils.htmlEscape(problem.instance()));
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
