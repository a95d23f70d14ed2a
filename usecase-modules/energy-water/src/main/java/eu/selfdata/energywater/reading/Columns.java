package eu.selfdata.energywater.reading;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/** A header row's columns, found by their names as {@link Labels} compares them. */
final class Columns {

    private final long line;
    private final List<String> names;

    Columns(CsvRows.Row header) {
        this.line = header.line();
        this.names = header.cells().stream().map(Labels::normalize).toList();
    }

    static Predicate<String> named(String name) {
        String wanted = Labels.normalize(name);
        return wanted::equals;
    }

    OptionalInt find(Predicate<String> name) {
        return IntStream.range(0, names.size())
                .filter(i -> name.test(names.get(i)))
                .findFirst();
    }

    int require(String what, Predicate<String> name) {
        return find(name).orElseThrow(() -> new BadReadingFile(line, "the header has no column " + what));
    }

    String name(int column) {
        return names.get(column);
    }

    /** A row may leave trailing cells empty but not hold more than the header names. */
    void checkWidth(CsvRows.Row row) {
        if (row.cells().size() > names.size()) {
            throw new BadReadingFile(
                    row.line(), row.cells().size() + " values where the header has " + names.size() + " columns");
        }
    }
}
