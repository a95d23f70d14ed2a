package eu.selfdata.tenant.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.stereotype.Component;

/**
 * Applies Liquibase changelogs to one schema on a connection borrowed from the shared pool, then
 * checks that nothing is left to run. Liquibase sets search_path on the connection: it is reset
 * before the connection goes back to the pool ({@link SchemaConnections}).
 */
@Component
public class SchemaChangelogRunner {

    /**
     * One Liquibase run at a time in this JVM: its update command ends by resetting every lock service
     * of the JVM (a static factory), so a run finishing beside another made that one forget the lock it
     * held in its schema; the lock stayed taken and the schema's next changelog waited for it forever.
     * Replicas still migrate side by side, each schema guarded by its own changelog lock.
     */
    private static final ReentrantLock ONE_RUN_PER_JVM = new ReentrantLock();

    private final SchemaConnections connections;

    public SchemaChangelogRunner(SchemaConnections connections) {
        this.connections = connections;
    }

    /**
     * Creates the schema when missing and applies the changelogs in order.
     *
     * @return the id of the last changeset applied in that schema
     */
    public String apply(SchemaName schema, List<String> changelogs) {
        return apply(schema, changelogs, () -> connections.borrow(schema));
    }

    /** The same on a named cluster: a city's schema being moved there. */
    public String apply(ClusterName cluster, SchemaName schema, List<String> changelogs) {
        return apply(schema, changelogs, () -> connections.borrow(cluster, schema));
    }

    private String apply(SchemaName schema, List<String> changelogs, Borrow borrow) {
        ONE_RUN_PER_JVM.lock();
        try {
            Connection connection = borrow.connection();
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create schema if not exists " + schema.quoted());
                }
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                database.setDefaultSchemaName(schema.name());
                database.setLiquibaseSchemaName(schema.name());
                for (String changelog : changelogs) {
                    Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), database);
                    liquibase.update(new Contexts(), new LabelExpression());
                    if (!liquibase
                            .listUnrunChangeSets(new Contexts(), new LabelExpression())
                            .isEmpty()) {
                        throw new IllegalStateException("changesets left unrun in " + changelog);
                    }
                }
                return lastChangeset(connection, schema);
            } finally {
                connections.giveBackAfterOwnPath(connection);
            }
        } catch (SQLException | LiquibaseException e) {
            throw new SchemaMigrationException(schema.name(), e);
        } finally {
            ONE_RUN_PER_JVM.unlock();
        }
    }

    private static String lastChangeset(Connection connection, SchemaName schema) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select id from " + schema.quoted()
                        + ".databasechangelog order by orderexecuted desc limit 1")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    private interface Borrow {
        Connection connection() throws SQLException;
    }

    public static class SchemaMigrationException extends RuntimeException {
        SchemaMigrationException(String schema, Exception cause) {
            super("Migration of schema " + schema + " failed: " + cause.getMessage(), cause);
        }
    }
}
