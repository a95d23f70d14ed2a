package eu.selfdata.connectors.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A folder below a root the platform chooses (the city's folder, an SFTP account's home): one to
 * four plain names separated by {@code /}, never absolute, never {@code .} or {@code ..}.
 */
public record RelativePath(List<String> segments) {

    private static final Pattern SEGMENT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    static final int MAX_SEGMENTS = 4;

    public RelativePath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()
                || segments.size() > MAX_SEGMENTS
                || !segments.stream()
                        .allMatch(segment -> SEGMENT.matcher(segment).matches() && !segment.contains(".."))) {
            throw new IllegalArgumentException("not a relative folder");
        }
    }

    /** Reads {@code a/b}, tolerating repeated and trailing slashes, refusing a leading one. */
    public static RelativePath parse(String text) {
        if (text.startsWith("/") || text.contains("\\")) {
            throw new IllegalArgumentException("not a relative folder");
        }
        return new RelativePath(List.of(text.split("/+")));
    }

    public Path under(Path root) {
        Path path = root;
        for (String segment : segments) {
            path = path.resolve(segment);
        }
        return path;
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
