package eu.selfdata.waste.weighing;

/**
 * What one file (or one retried row) brought.
 *
 * @param personal   weighings of linked bins stored for their citizen
 * @param duplicates personal weighings already stored (a replayed file)
 * @param anonymous  weighings of other bins, kept only in the city's counts
 * @param rejected   rows sent to the dead letters
 */
public record ImportReport(long rows, long personal, long duplicates, long anonymous, long rejected) {

    ImportReport plus(ImportReport other) {
        return new ImportReport(
                rows + other.rows,
                personal + other.personal,
                duplicates + other.duplicates,
                anonymous + other.anonymous,
                rejected + other.rejected);
    }

    static ImportReport none() {
        return new ImportReport(0, 0, 0, 0, 0);
    }
}
