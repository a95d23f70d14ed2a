import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Bench fixture: tops a city's announcements up to a count, straight in its schema. Publishing
 * through the API needs a city admin's Keycloak token, which a script cannot get without a browser.
 * Run with the JDBC driver the launcher ships:
 * java -cp "infra/dev-launcher/target/lib/*" bench/SeedAnnouncements.java <jdbc-url> <user> <password> <slug> <count>
 */
class SeedAnnouncements {

    public static void main(String[] args) throws SQLException {
        String slug = args[3];
        if (!slug.matches("^[a-z][a-z0-9-]{1,39}$")) {
            throw new IllegalArgumentException("Not a city slug: " + slug);
        }
        String table = "\"t_" + slug.replace('-', '_') + "\".announcement";
        int wanted = Integer.parseInt(args[4]);
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement count = db.createStatement();
             ResultSet rows = count.executeQuery("select count(*) from " + table);
             PreparedStatement insert = db.prepareStatement("insert into " + table + " (title, body) values (?, ?)")) {
            rows.next();
            for (int week = rows.getInt(1) + 1; week <= wanted; week++) {
                insert.setString(1, "Collecte des déchets, semaine " + week);
                insert.setString(2, "La collecte des bacs jaunes est décalée d'un jour cette semaine (semaine " + week + ").");
                insert.executeUpdate();
            }
        }
    }
}
