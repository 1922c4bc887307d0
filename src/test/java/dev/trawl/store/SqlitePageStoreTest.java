package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitePageStoreTest extends PageStoreContractTest {
    @TempDir
    Path dir;

    @Override
    String target() {
        return dir.resolve("trawl.db").toString();
    }

    @Override
    Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    String scalar(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    @Override
    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void newDatabaseIsInWalModeAndLinksAreJsonForSqlite() throws Exception {
        try (PageStore store = open()) {
            store.write(TestRecords.ok("https://a.example/", 0, java.util.List.of("https://b.example/\"q\""),
                    java.util.List.of()));
        }
        assertThat(scalar("PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(scalar("SELECT value FROM links, json_each(links.targets)")).isEqualTo("https://b.example/\"q\"");
    }

    // --- one process per file: releasing stale claims releases them all

    @Test
    void releasingStaleClaimsReleasesEveryClaim() throws Exception {
        try (PageStore store = open()) {
            store.addPending(entries(0, 4));
            assertThat(store.coordination().claimPending(10)).hasSize(4);
            store.coordination().releaseStaleClaims();
            assertThat(store.coordination().claimPending(10)).hasSize(4);
        }
    }

    @Test
    void claimsSurviveReopeningUntilReleased() throws Exception {
        try (PageStore store = open()) {
            store.addPending(entries(0, 5));
            assertThat(store.coordination().claimPending(3)).hasSize(3);
        }
        try (PageStore store = open()) {
            assertThat(store.coordination().claimPending(10)).hasSize(2);
            store.coordination().releaseStaleClaims();
            assertThat(store.coordination().claimPending(10)).hasSize(5);
        }
    }

    private static java.util.List<FrontierEntry> entries(int from, int to) {
        var list = new java.util.ArrayList<FrontierEntry>();
        for (int i = from; i < to; i++) list.add(new FrontierEntry("http://a.test/" + i, 1));
        return list;
    }
}
