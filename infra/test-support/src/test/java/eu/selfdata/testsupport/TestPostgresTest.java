package eu.selfdata.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void startsOneRealPostgresqlSeventeenPerJvm() throws Exception {
        TestPostgres.ConnectionInfo first = TestPostgres.connectionInfo();
        TestPostgres.ConnectionInfo second = TestPostgres.connectionInfo();
        assertThat(second).isSameAs(first);

        try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password());
                ResultSet rs = connection.createStatement().executeQuery("show server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(170000);
        }
    }
}
