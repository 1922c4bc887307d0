package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOpenErrorsTest {
    @TempDir
    Path dir;

    private static void assertOpenFails(String target, String reason) {
        assertThatThrownBy(() -> Stores.open(target).close())
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot open database " + target + ": " + reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path missing = dir.resolve("nope");
        assertOpenFails(missing.resolve("t.db").toString(), "directory " + missing + " does not exist");
    }

    @Test
    void aDirectoryIsNotADatabase() {
        assertOpenFails(dir.toString(), "it is a directory");
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftAlone() throws IOException {
        Path file = dir.resolve("notes.txt");
        String text = "these are my notes, not a database\n".repeat(20);
        Files.writeString(file, text);
        assertOpenFails(file.toString(), "file is not a database");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void aDatabaseFromANewerTrawlIsRefused() throws SQLException {
        String db = dir.resolve("future.db").toString();
        Stores.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        }
        assertOpenFails(db, "its schema version 99 is newer than this trawl supports ("
                + Schema.latest(Dialect.SQLITE) + ")");
    }

    @Test
    void anEmptyTargetIsRefused() {
        assertOpenFails("", "no file name given");
    }
}
