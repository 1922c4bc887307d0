package dev.trawl.store;

import static dev.trawl.store.TestRecords.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitePageStoreTest {
    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("trawl.db").toString();
    }

    private record Known(String url, int depth, boolean done) {}

    private List<Known> frontier(PageStore store) {
        List<Known> known = new ArrayList<>();
        store.loadFrontier((url, depth, done) -> known.add(new Known(url, depth, done)));
        return known;
    }

    @Test
    void newDatabaseIsEmptyInWalModeAtTheLatestSchemaVersion() throws SQLException {
        try (PageStore store = Stores.open(db())) {
            assertThat(store.countAttempted()).isZero();
            assertThat(frontier(store)).isEmpty();
        }
        assertThat(scalar("PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(scalar("SELECT value FROM meta WHERE key = 'schema_version'"))
                .isEqualTo(Integer.toString(Schema.latest(Dialect.SQLITE)));
    }

    @Test
    void seedsAreCommittedOnReturnAndAddedOnlyOnce() {
        try (PageStore store = Stores.open(db())) {
            store.addPending(List.of(new FrontierEntry("https://a.example/", 0)));
            store.addPending(List.of(new FrontierEntry("https://a.example/", 3), new FrontierEntry("https://b.example/", 0)));
            try (PageStore reader = Stores.open(db())) {
                assertThat(frontier(reader)).containsExactly(
                        new Known("https://a.example/", 0, false), new Known("https://b.example/", 0, false));
            }
        }
    }

    @Test
    void aRecordMarksItsUrlDoneAndAddsWhatItDiscoveredAsPending() throws InterruptedException {
        try (PageStore store = Stores.open(db())) {
            store.addPending(List.of(new FrontierEntry("https://a.example/", 0)));
            store.write(ok("https://a.example/", 0, List.of("https://a.example/x", "https://elsewhere.example/"),
                    List.of(new FrontierEntry("https://a.example/x", 1))));
            store.flush();
            assertThat(store.countAttempted()).isEqualTo(1);
            assertThat(frontier(store)).containsExactly(
                    new Known("https://a.example/", 0, true), new Known("https://a.example/x", 1, false));
        }
    }

    @Test
    void aChildStoredBeforeItsParentStaysDone() throws InterruptedException {
        try (PageStore store = Stores.open(db())) {
            store.write(ok("https://a.example/child", 1));
            store.flush(); // separate batches
            store.write(ok("https://a.example/", 0, List.of(), List.of(new FrontierEntry("https://a.example/child", 1))));
            // and within one batch
            store.write(ok("https://a.example/second", 1));
            store.write(ok("https://a.example/third", 0, List.of(), List.of(new FrontierEntry("https://a.example/second", 1))));
            store.flush();
            assertThat(frontier(store)).allSatisfy(k -> assertThat(k.done()).as(k.url()).isTrue()).hasSize(4);
        }
    }

    @Test
    void writingAUrlAgainReplacesItsPageAndLinks() throws InterruptedException {
        try (PageStore store = Stores.open(db())) {
            store.write(TestRecords.failed("https://a.example/", 0, "timeout"));
            store.write(ok("https://a.example/", 0, List.of("https://a.example/z"), List.of()));
            store.flush();
            List<ExportRow> rows = new ArrayList<>();
            store.exportRows(rows::add);
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.error()).isNull();
                assertThat(r.outlinksJson()).isEqualTo("[\"https://a.example/z\"]");
            });
        }
    }

    @Test
    void reopeningResumesWhereTheCrawlStopped() throws InterruptedException {
        try (PageStore store = Stores.open(db())) {
            store.write(ok("https://a.example/", 0, List.of(), List.of(new FrontierEntry("https://a.example/next", 1))));
        } // close flushes
        try (PageStore store = Stores.open(db())) {
            assertThat(store.countAttempted()).isEqualTo(1);
            assertThat(frontier(store)).containsExactly(
                    new Known("https://a.example/", 0, true), new Known("https://a.example/next", 1, false));
        }
    }

    @Test
    void closeIsIdempotentAndLaterWritesAreRefused() {
        PageStore store = Stores.open(db());
        store.close();
        store.close();
        assertThatThrownBy(() -> store.write(ok("https://a.example/", 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void pagesLinksAndFrontierColumnsHoldWhatWasWritten() throws InterruptedException, SQLException {
        try (PageStore store = Stores.open(db())) {
            store.write(ok("https://a.example/", 0, List.of("https://b.example/\"q\""), List.of()));
        }
        assertThat(scalar("SELECT fetched_at || '|' || description || '|' || canonical || '|' || language || '|'"
                + " || charset || '|' || body_bytes || '|' || elapsed_ms FROM pages"))
                .isEqualTo("2026-11-25T13:49:08.123Z|about https://a.example/|https://a.example/|en|UTF-8|1234|56");
        assertThat(scalar("SELECT value FROM links, json_each(links.targets)")).isEqualTo("https://b.example/\"q\"");
        assertThat(scalar("SELECT discovered_at FROM frontier")).isEqualTo("2026-11-25T13:49:08.123Z");
    }

    private String scalar(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
