package dev.trawl.store;

import static dev.trawl.store.TestRecords.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterFailureTest {
    private static final SqliteSettings IMPATIENT = new SqliteSettings(Duration.ofMillis(200), 16, 1000, Duration.ofMillis(10));

    @TempDir
    Path dir;

    @Test
    void aWriterLockedOutPastItsTimeoutStopsAndEveryLaterCallSaysWhy() throws Exception {
        String db = dir.resolve("trawl.db").toString();
        PageStore store = SqlitePageStore.open(db, IMPATIENT, InstantSource.system());
        store.write(ok("https://a.example/committed", 0));
        store.flush();

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE"); // another process holds the write lock
            store.write(ok("https://a.example/lost", 0));
            String expected = "cannot write to " + db + ": database is locked";
            assertThatThrownBy(store::flush).isInstanceOf(StoreException.class).hasMessage(expected);
            assertThatThrownBy(() -> store.write(ok("https://a.example/later", 0))).hasMessage(expected);
            assertThatThrownBy(store::close).isInstanceOf(StoreException.class).hasMessage(expected);
            st.execute("ROLLBACK");
        }
        store.close(); // already closed: quiet

        try (PageStore reopened = Stores.open(db)) {
            assertThat(reopened.countAttempted()).isEqualTo(1);
        }
    }

    @Test
    void writeBlocksWhileTheQueueIsFull() throws Exception {
        String db = dir.resolve("trawl.db").toString();
        SqliteSettings tiny = new SqliteSettings(Duration.ofSeconds(30), 2, 1, Duration.ofMillis(1));
        try (PageStore store = SqlitePageStore.open(db, tiny, InstantSource.system());
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE"); // stalls the writer in its first commit
            Thread producer = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 10; i++) {
                    try {
                        store.write(ok("https://a.example/" + i, 0));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            assertThat(producer.join(Duration.ofMillis(300))).as("producer finished against a stalled writer").isFalse();
            st.execute("ROLLBACK");
            assertThat(producer.join(Duration.ofSeconds(10))).isTrue();
            store.flush();
            assertThat(store.countAttempted()).isEqualTo(10);
        }
    }
}
