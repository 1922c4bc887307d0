package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.ArchiveFiles.Record;
import dev.trawl.testsite.TestSite;
import dev.trawl.warc.WarcArchive;
import dev.trawl.warc.WarcArchiveConfig;
import dev.trawl.warc.WarcInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --warc} when things go wrong: a crawl killed with SIGKILL resumes and its archive is whole again, with every
 * page it had stored; a full disk ends the crawl with one line and exit 1, every stored page archived; bad values.
 */
class WarcRecoveryIT {
    private static final int PAGES = 1500;
    @TempDir Path dir;

    @Test
    void aCrawlKilledMidWayResumesAndItsArchiveHoldsEveryStoredPage() throws Exception {
        killResumeAndCheck(dir.resolve("crash.db").toString());
    }

    @Test
    void aPostgresCrawlKilledMidWayResumesAndItsArchiveHoldsEveryStoredPage() throws Exception {
        try (var pg = dev.trawl.store.PostgresTestDatabase.create()) {
            killResumeAndCheck(pg.url());
        }
    }

    private Set<String> stored(String db) throws Exception {
        return CliRunner.export(db, dir.resolve("export-" + System.nanoTime() + ".jsonl")).keySet();
    }

    private void killResumeAndCheck(String db) throws Exception {
        Path warc = dir.resolve("archive");
        try (var site = linkedSite(PAGES, 2, 200)) {
            List<String> args = List.of("crawl", site.url("/p0"), "--db", db, "--warc", warc.toString(),
                    "--quiet", "--ignore-robots", "--concurrency", "16", "--per-host", "16");
            Process child = CliRunner.startChild(List.of(), args, ProcessBuilder.Redirect.DISCARD);
            awaitHits(site, PAGES / 4, child);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, the WARC file is left as it was
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ArchiveFiles.openFiles(warc)).as("the file being written at the kill").hasSize(1);
            Set<String> storedAtKill = stored(db);
            assertThat(storedAtKill.size()).isBetween(1, PAGES - 1);

            var resumed = CliRunner.run(args.toArray());

            assertThat(resumed.exit()).as(resumed.toString()).isZero();
            assertThat(resumed.out()).containsPattern("warc: completed trawl-\\d{14}-00000\\.warc\\.gz, left open by a stopped crawl");
            assertThat(ArchiveFiles.openFiles(warc)).isEmpty();
            List<Path> files = ArchiveFiles.files(warc);
            assertThat(files).hasSize(2);
            Set<String> inRecovered = responseTargets(ArchiveFiles.readFile(files.getFirst()));
            assertThat(inRecovered).as("every page stored before the kill is in the recovered file").containsAll(storedAtKill);
            List<Record> all = ArchiveFiles.read(warc);
            assertThat(all).allSatisfy(r -> {
                if (!r.type().equals("warcinfo")) assertThat(r.blockDigest()).isEqualTo(r.computedBlockDigest());
            });
            assertThat(responseTargets(all)).containsAll(stored(db));
            assertThat(stored(db)).hasSize(PAGES);
            for (Path file : files) {
                var validation = validate(file);
                assertThat(validation.exit()).as("jwarc validate %s:%n%s", file, validation.out()).isZero();
            }
        }
    }

    @Test
    void aFullDiskEndsTheCrawlWithOneLineAndEveryStoredPageIsArchived() throws Exception {
        Path full = Files.createDirectories(dir.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", full.toString()) == 0,
                "needs to mount a small tmpfs (root)");
        Path db = dir.resolve("full.db");
        Path copy = Files.createDirectories(dir.resolve("copied"));
        try (var site = linkedSite(300, 0, 6000)) {
            var result = CliRunner.run("crawl", site.url("/p0"), "--db", db, "--warc", full, "--quiet",
                    "--ignore-robots", "--concurrency", "8");

            assertThat(result.exit()).as(result.toString()).isEqualTo(1);
            assertThat(result.err().lines().toList()).as(result.toString()).singleElement().satisfies(line ->
                    assertThat(line).startsWith("trawl: cannot write WARC files in " + full).contains("No space left on device"));
            for (Path open : ArchiveFiles.openFiles(full)) Files.copy(open, copy.resolve(open.getFileName()));
        } finally {
            run("umount", full.toString());
        }
        try (var archive = WarcArchive.open(WarcArchiveConfig.defaults(copy, new WarcInfo("test", null, null, null)))) {
            assertThat(archive.leftovers()).isNotEmpty();
        }
        var stored = new ArrayList<String>();
        for (JsonNode page : CliRunner.export(db).values()) stored.add(page.get("url").asText());
        assertThat(stored).as("the crawl stored pages before the disk filled").isNotEmpty().hasSizeLessThan(300);
        assertThat(responseTargets(ArchiveFiles.read(copy))).as("stored ⇒ archived").containsAll(stored);
    }

    @Test
    void badWarcValuesAreOneLineErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        var notDir = CliRunner.run("crawl", "http://127.0.0.1:9/", "--db", dir.resolve("a.db"), "--warc", file);
        assertThat(notDir.exit()).as(notDir.toString()).isEqualTo(2);
        assertThat(notDir.err()).startsWith("trawl: --warc: '" + file + "' exists and is not a directory\n");

        var unwritable = CliRunner.run("crawl", "http://127.0.0.1:9/", "--db", dir.resolve("b.db"), "--warc", "/proc/trawl-warc");
        assertThat(unwritable.exit()).as(unwritable.toString()).isEqualTo(1);
        assertThat(unwritable.err().lines().toList()).singleElement().satisfies(line ->
                assertThat(line).startsWith("trawl: cannot open WARC directory /proc/trawl-warc: "));

        var underAFile = CliRunner.run("crawl", "http://127.0.0.1:9/", "--db", dir.resolve("c.db"), "--warc", file.resolve("sub"));
        assertThat(underAFile.exit()).as(underAFile.toString()).isEqualTo(1);
        assertThat(underAFile.err().lines().toList()).singleElement().satisfies(line ->
                assertThat(line).startsWith("trawl: cannot open WARC directory " + file.resolve("sub") + ": "));

        for (String size : List.of("0", "lots", "-1MB")) {
            var bad = CliRunner.run("crawl", "http://127.0.0.1:9/", "--warc", dir.resolve("w"), "--warc-max-size", size);
            assertThat(bad.exit()).as(bad.toString()).isEqualTo(2);
            assertThat(bad.err()).contains("--warc-max-size").doesNotContain("Exception");
        }
    }

    /** Pages /p0 ... linking on to the next ones, with filler of bodyBytes that gzip cannot shrink much. */
    private static TestSite linkedSite(int pages, long millis, int bodyBytes) throws Exception {
        var site = TestSite.start();
        var random = new Random(1);
        for (int i = 0; i < pages; i++) {
            var html = new StringBuilder("<title>P").append(i).append("</title>");
            for (int k = 1; k <= 4; k++) html.append("<a href=\"/p").append((i * 4 + k) % pages).append("\">l</a>");
            html.append("<p>");
            for (int b = 0; b < bodyBytes; b++) html.append((char) ('a' + random.nextInt(26)));
            site.slowPage("/p" + i, millis, html.toString());
        }
        return site;
    }

    private static Set<String> responseTargets(List<Record> records) {
        Set<String> targets = new HashSet<>();
        for (Record r : records) if (r.type().equals("response")) targets.add(r.target());
        return targets;
    }

    private static void awaitHits(TestSite site, int hits, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (site.allHits().size() < hits) {
            assertThat(child.isAlive()).as("child crawl ended before it could be killed").isTrue();
            assertThat(System.nanoTime()).as("child crawl too slow").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    record Validation(int exit, String out) {}

    /** jwarc's own validator, in a JVM of its own: headers against WARC/1.1, every digest. */
    private static Validation validate(Path file) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.netpreserve.jwarc.tools.WarcTool", "validate", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Validation(p.exitValue(), out);
    }
}
