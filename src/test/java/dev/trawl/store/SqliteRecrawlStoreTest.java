package dev.trawl.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

class SqliteRecrawlStoreTest extends RecrawlStoreContractTest {
    @TempDir
    Path dir;

    @Override
    String target() {
        return dir.resolve("recrawl.db").toString();
    }

    @Override
    String scalar(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    Dialect dialect() {
        return Dialect.SQLITE;
    }
}
