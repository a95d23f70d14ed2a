package eu.selfdata.launcher.database;

import java.util.Objects;

/** How the services reach PostgreSQL. */
public record JdbcConnection(String url, String user, String password) {

    public JdbcConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
    }
}
