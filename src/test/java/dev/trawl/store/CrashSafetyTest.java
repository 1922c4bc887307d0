package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashSafetyTest {
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void killingTheWriterProcessMidWriteLeavesADatabaseThatOpensAndResumes() throws Exception {
        String db = dir.resolve("crash.db").toString();
        long committedSoFar = 0;
        for (int round = 0; round < ROUNDS; round++) {
            committedSoFar += runAndKill(db, "r" + round, 2 + round);
            assertConsistent(db, committedSoFar);
            try (PageStore store = Stores.open(db)) { // resumes: can write again
                store.write(TestRecords.ok("https://resumed.example/" + round, 0));
            }
            committedSoFar = count(db, "SELECT COUNT(*) FROM pages");
        }
    }

    /** Starts a writer process, kills it after it reported {@code flushes} commits, returns the last reported. */
    private static long runAndKill(String db, String run, int flushes) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), db, run)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long reported = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (int seen = 0; seen < flushes; seen++) {
                String line = out.readLine();
                assertThat(line).as("writer process output (exit %s)", child.isAlive() ? "running" : child.exitValue())
                        .startsWith("committed ");
                reported = Long.parseLong(line.substring("committed ".length()));
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close, mid-batch
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return reported;
    }

    private static void assertConsistent(String db, long atLeastPages) throws SQLException {
        try (PageStore store = Stores.open(db)) {
            assertThat(store.countAttempted()).isGreaterThanOrEqualTo(atLeastPages);
        }
        assertThat(string(db, "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(count(db, "SELECT COUNT(*) FROM pages p LEFT JOIN frontier f ON f.id = p.frontier_id"
                + " WHERE f.state IS NOT 1")).as("pages without a done frontier row").isZero();
        long pages = count(db, "SELECT COUNT(*) FROM pages");
        assertThat(count(db, "SELECT COUNT(*) FROM frontier WHERE state = 1")).isEqualTo(pages);
        assertThat(count(db, "SELECT COUNT(*) FROM links")).isEqualTo(pages);
        // every crash record discovered two children, committed with it
        assertThat(count(db, "SELECT COUNT(*) FROM frontier WHERE state = 0 AND url LIKE '%/a'"))
                .isEqualTo(count(db, "SELECT COUNT(*) FROM frontier f JOIN pages p ON p.frontier_id = f.id"
                        + " WHERE f.url LIKE 'https://crash.example/r%'"));
    }

    private static long count(String db, String sql) throws SQLException {
        return Long.parseLong(string(db, sql));
    }

    private static String string(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
