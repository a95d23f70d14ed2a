package eu.selfdata.connectors.retention;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.RetentionRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * What connectors leave behind and how long it stays: dead letters (the failing record and its reason) and the
 * operators' files already taken in ({@code done/} of every drop folder of the city).
 */
public final class ConnectorRetention {

    /** The connectors' category in the city's purge log and access log. */
    static final String CATEGORY = "connector-leftovers";

    private ConnectorRetention() {}

    public static RetentionRule deadLetters(CityDatabase database) {
        return new RetentionRule(
                "connector-dead-letters",
                CATEGORY,
                new LocalizedText("Lettres mortes des connecteurs", "Connectors' dead letters"),
                30,
                90,
                List.of("connector_dead_letter"),
                (now, cutoff) -> RetentionRule.Purged.of(database.jdbc()
                        .sql("delete from connector_dead_letter where failed_at < ?")
                        .param(Timestamp.from(cutoff))
                        .update()));
    }

    /**
     * Files in a {@code done/} folder ({@link eu.selfdata.connectors.folders.DropFolder#done()}) below the city's
     * folder, by their last change (the operator's delivery, kept by the move). A file not
     * yet taken in ({@code inbox/}) or that failed ({@code failed/}, replayable) stays.
     */
    public static RetentionRule importedFiles(CityDatabase database, CityFolders folders) {
        return new RetentionRule(
                "imported-files",
                CATEGORY,
                new LocalizedText("Fichiers des opérateurs déjà importés", "Operators' files already imported"),
                0,
                30,
                List.of(),
                (now, cutoff) -> RetentionRule.Purged.of(deleteDoneFiles(folders.city(database.city()), cutoff)));
    }

    private static long deleteDoneFiles(Path cityFolder, Instant cutoff) {
        try (Stream<Path> files = Files.walk(cityFolder)) {
            List<Path> old = files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .filter(file -> file.getParent().getFileName().toString().equals("done"))
                    .filter(file -> modifiedBefore(file, cutoff))
                    .toList();
            long deleted = 0;
            for (Path file : old) {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean modifiedBefore(Path file, Instant cutoff) {
        try {
            // "<=": a cutoff of now (0 days) takes every file already moved there
            return !Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS)
                    .toInstant()
                    .isAfter(cutoff);
        } catch (IOException e) {
            return false;
        }
    }
}
