package eu.selfdata.launcher.database;

/** The PostgreSQL the services use for this run. */
public interface Database extends AutoCloseable {

    JdbcConnection connection();

    /** Stops the server if this run started it. */
    @Override
    void close();

    /** A PostgreSQL someone else runs: nothing to start or stop. */
    static Database external(JdbcConnection connection) {
        return new Database() {
            @Override
            public JdbcConnection connection() {
                return connection;
            }

            @Override
            public void close() {
            }
        };
    }
}
