package eu.selfdata.tenant.backup;

import eu.selfdata.tenant.registry.TenantStateConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of one city schema as an archive sees them: parents before children (by foreign
 * key), so rows restore in the order they were written and every reference finds its target.
 */
final class CitySchemaTables {

    /** Migration bookkeeping: archived for the record, never restored (the target has its own). */
    static final Set<String> MIGRATION_STATE = Set.of("databasechangelog", "databasechangeloglock");

    private CitySchemaTables() {}

    static List<String> parentsFirst(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE' order by table_name")) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Map<String, Set<String>> parents = new HashMap<>();
        for (ForeignKey key : foreignKeys(connection, schema)) {
            if (!key.child().equals(key.parent())) {
                parents.computeIfAbsent(key.child(), t -> new LinkedHashSet<>()).add(key.parent());
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String table : tables) {
            visit(table, parents, ordered, new LinkedHashSet<>());
        }
        return List.copyOf(ordered);
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> ordered, Set<String> path) {
        if (ordered.contains(table) || !path.add(table)) {
            return; // done, or a cycle of references (none in the city schemas): keep the name order
        }
        for (String parent : parents.getOrDefault(table, Set.of())) {
            visit(parent, parents, ordered, path);
        }
        ordered.add(table);
    }

    /** A foreign key of the schema, column by column. */
    record ForeignKey(String child, List<String> childColumns, String parent, List<String> parentColumns) {}

    static List<ForeignKey> foreignKeys(Connection connection, String schema) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select child.relname, parent.relname,
                       array(select a.attname from unnest(c.conkey) with ordinality k(n, i)
                               join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i),
                       array(select a.attname from unnest(c.confkey) with ordinality k(n, i)
                               join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i)
                  from pg_constraint c
                  join pg_class child on child.oid = c.conrelid
                  join pg_class parent on parent.oid = c.confrelid
                  join pg_namespace n on n.oid = c.connamespace
                 where c.contype = 'f' and n.nspname = ?""")) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    keys.add(new ForeignKey(
                            rs.getString(1),
                            List.of((String[]) rs.getArray(3).getArray()),
                            rs.getString(2),
                            List.of((String[]) rs.getArray(4).getArray())));
                }
            }
        }
        return keys;
    }

    static long rows(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("select count(*) from " + quote(schema) + "." + quote(table));
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One restore (or move) per city at a time: a second one would find the first one's rows; ends with the transaction. */
    static void lockOutRestores(Connection connection, String slug) throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("select pg_try_advisory_xact_lock(hashtext('city-restore:' || ?))")) {
            lock.setString(1, slug);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new TenantStateConflictException("A restore of '" + slug + "' is already running");
                }
            }
        }
    }

    /** The columns COPY writes (generated ones excluded, as COPY without a column list does), in table order. */
    static List<String> columns(Connection connection, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select column_name from information_schema.columns
                 where table_schema = ? and table_name = ? and is_generated = 'NEVER' order by ordinal_position""")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** Serial and identity columns continue after the restored rows, so the next insert gets a fresh key. */
    static void resetSequences(Connection connection, String schema) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select table_name, column_name from information_schema.columns
                 where table_schema = ? and (column_default like 'nextval(%' or is_identity = 'YES')""")) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    serials.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        for (String[] serial : serials) {
            String table = CitySchemaTables.quote(schema) + "." + CitySchemaTables.quote(serial[0]);
            try (PreparedStatement statement =
                    connection.prepareStatement("select setval(pg_get_serial_sequence(?, ?), " + "coalesce(max("
                            + CitySchemaTables.quote(serial[1]) + "), 0) + 1, false) from " + table)) {
                statement.setString(1, table);
                statement.setString(2, serial[1]);
                statement.executeQuery().close();
            }
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
