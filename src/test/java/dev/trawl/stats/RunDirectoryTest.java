package dev.trawl.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.stats.CrawlProcess.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding crawls in the run directory, and telling live counters from stale ones. */
class RunDirectoryTest {
    @TempDir Path dir;
    private final long myPid = ProcessHandle.current().pid();

    @Test
    void aLiveBeatingProcessIsRunningAndClosingRemovesItsFile() throws Exception {
        try (var stats = CrawlStats.publish(dir, "/data/a.db", false)) {
            stats.recorded(dev.trawl.store.TestRecords.answered("http://a.test/", 200, null, 5, 12));
            List<CrawlProcess> found = RunDirectory.list(dir, null);

            assertThat(found).singleElement().satisfies(p -> {
                assertThat(p.pid()).isEqualTo(myPid);
                assertThat(p.crawlId()).isEqualTo("/data/a.db");
                assertThat(p.state()).isEqualTo(State.RUNNING);
                assertThat(p.counters().pages()).isEqualTo(1);
                assertThat(p.counters().bytes()).isEqualTo(5);
                assertThat(p.file()).isEqualTo(stats.file());
            });
        }
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void aDeadPidOrAnOldHeartbeatIsStale() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long now = System.currentTimeMillis();
        CountersFile.create(dir, gone.pid(), now, "/data/dead.db");
        CountersFile.create(dir, myPid, now - 60_000, "/data/silent.db"); // alive, but no beat for a minute

        assertThat(RunDirectory.list(dir, null)).extracting(CrawlProcess::crawlId, CrawlProcess::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/data/dead.db", State.STALE),
                        org.assertj.core.groups.Tuple.tuple("/data/silent.db", State.STALE));
    }

    @Test
    void keptFilesAreFinishedAndPruneRemovesThemWithStaleOnesButNotRunningOnes() throws Exception {
        try (var kept = CrawlStats.publish(dir, "/data/kept.db", true)) {
            kept.requestStarted();
        }
        CountersFile.create(dir, myPid, System.currentTimeMillis() - 60_000, "/data/stale.db");
        try (var running = CrawlStats.publish(dir, "/data/running.db", false)) {
            running.requestStarted();
            assertThat(RunDirectory.list(dir, "/data/kept.db")).singleElement()
                    .satisfies(p -> assertThat(p.state()).isEqualTo(State.FINISHED));

            assertThat(RunDirectory.prune(dir)).isEqualTo(2);

            assertThat(RunDirectory.list(dir, null)).extracting(CrawlProcess::crawlId).containsExactly("/data/running.db");
        }
    }

    @Test
    void filesThatAreNotTrawlCountersAreLeftOut() throws Exception {
        Files.writeString(dir.resolve("trawl-1-0.counters"), "not counters at all, but long enough? no.");
        Files.write(dir.resolve("trawl-2-0.counters"), new byte[4096]);
        assertThat(RunDirectory.list(dir, null)).isEmpty();
        assertThat(RunDirectory.list(dir.resolve("missing"), null)).isEmpty();
    }

    @Test
    void crawlIdIsTheAbsoluteNormalisedPathOrTheUrlWithoutPassword() {
        String cwd = Path.of("").toAbsolutePath().toString();
        assertThat(RunDirectory.crawlId("./x/../a.db")).isEqualTo(cwd + "/a.db");
        assertThat(RunDirectory.crawlId("/srv/crawl.db")).isEqualTo("/srv/crawl.db");
        assertThat(RunDirectory.crawlId("postgresql://bob:secret@db:5432/crawl")).isEqualTo("postgresql://db:5432/crawl");
    }

    @Test
    void runDirectoryComesFromTheOptionThenTheEnvironmentThenSharedMemoryOrTheTempDirectory() {
        Path option = Path.of("/opt/run");
        assertThat(RunDirectory.resolve(option, Map.of("TRAWL_RUN_DIR", "/x"))).isEqualTo(option);
        assertThat(RunDirectory.resolve(null, Map.of("TRAWL_RUN_DIR", "/x", "XDG_RUNTIME_DIR", "/run/user/1"))).isEqualTo(Path.of("/x"));
        assertThat(RunDirectory.resolve(null, Map.of("XDG_RUNTIME_DIR", "/run/user/1"))).isEqualTo(Path.of("/run/user/1/trawl"));
        Path fallback = RunDirectory.resolve(null, Map.of());
        assertThat(fallback.getFileName().toString()).startsWith("trawl-");
        if (Files.isWritable(Path.of("/dev/shm"))) assertThat(fallback.getParent()).isEqualTo(Path.of("/dev/shm"));
    }
}
