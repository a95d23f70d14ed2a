package eu.selfdata.usecase.api;

import java.sql.ResultSetMetaData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A {@link PersonalDataSource} over tables keyed by a {@code citizen_id} column: exports with one
 * streamed query, erases table by table in the given order (children before parents).
 */
public final class CitizenTables implements PersonalDataSource {

    private static final Pattern TABLE = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    private static final int FETCH_SIZE = 1_000;

    private final CityDatabase database;
    private final PersonalDataCategory category;
    private final String exportSql;
    private final List<String> tables;
    private final List<PortableFile> portableFiles;
    private final Consumer<CitizenId> beforeErase;

    /**
     * @param exportSql a SELECT with a {@code :citizen} parameter, e.g. joining a leg to its trip;
     *                  its column order is the order of the exported fields
     * @param tables    every table the category lives in, children before parents
     */
    public CitizenTables(CityDatabase database, PersonalDataCategory category, String exportSql, List<String> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a category lives in at least one table");
        }
        tables.forEach(table -> {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("not a plain table name: " + table);
            }
        });
        this.database = database;
        this.category = category;
        this.exportSql = exportSql;
        this.tables = List.copyOf(tables);
        this.portableFiles = List.of();
        this.beforeErase = citizen -> {};
    }

    private CitizenTables(CitizenTables rows, List<PortableFile> portableFiles, Consumer<CitizenId> beforeErase) {
        this.database = rows.database;
        this.category = rows.category;
        this.exportSql = rows.exportSql;
        this.tables = rows.tables;
        this.portableFiles = List.copyOf(portableFiles);
        this.beforeErase = beforeErase;
    }

    /** The same rows, offered in standard formats too (see {@link PersonalDataSource#portableFiles()}). */
    public CitizenTables withPortableFiles(PortableFile... files) {
        return new CitizenTables(this, List.of(files), beforeErase);
    }

    /** The same rows, erased after {@code first} has removed what the category keeps outside them (files on disk, work under way). */
    public CitizenTables erasingFirst(Consumer<CitizenId> first) {
        return new CitizenTables(this, portableFiles, first);
    }

    /** One table, exported whole in the order of {@code orderBy} (a column list of that table). */
    public static CitizenTables table(
            CityDatabase database, PersonalDataCategory category, String table, String orderBy) {
        return new CitizenTables(
                database,
                category,
                "select * from " + table + " where citizen_id = :citizen order by " + orderBy,
                List.of(table));
    }

    @Override
    public PersonalDataCategory category() {
        return category;
    }

    @Override
    public List<String> tables() {
        return tables;
    }

    @Override
    public void export(CitizenId citizen, RowSink sink) {
        database.jdbc()
                .sql(exportSql)
                .param("citizen", citizen.value())
                .withFetchSize(FETCH_SIZE)
                .query(resultSet -> {
                    ResultSetMetaData meta = resultSet.getMetaData();
                    SequencedMap<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnLabel(column), resultSet.getObject(column));
                    }
                    sink.row(row);
                });
    }

    @Override
    public List<PortableFile> portableFiles() {
        return portableFiles;
    }

    @Override
    public void erase(CitizenId citizen) {
        beforeErase.accept(citizen);
        for (String table : tables) {
            database.jdbc()
                    .sql("delete from " + table + " where citizen_id = :citizen")
                    .param("citizen", citizen.value())
                    .update();
        }
    }
}
