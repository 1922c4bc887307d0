package dev.trawl.warc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.warc.WarcFiles.Read;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive against other processes: a real kill -9 mid-crawl, and jwarc's own validator as a separate program. */
class WarcArchiveIT {
    @TempDir
    Path dir;

    @Test
    void afterKill9TheNextArchiveCompletesTheOpenFileKeepingEveryWrittenCapture() throws Exception {
        Process child = java(WarcCrashChild.class.getName(), dir.toString()).start();
        int written = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; written < 300 && (line = out.readLine()) != null; ) {
                written = Integer.parseInt(line.substring("wrote ".length()));
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-write perhaps
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(written).as("the child wrote before it was killed").isGreaterThanOrEqualTo(300);
        List<Path> open = WarcFiles.list(dir, ".warc.gz.open");
        assertThat(open).hasSize(1);

        List<LeftoverFile> leftovers;
        try (WarcArchive next = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            leftovers = next.leftovers();
        }
        assertThat(leftovers).singleElement().satisfies(l -> {
            assertThat(l.action()).isEqualTo(LeftoverFile.Action.COMPLETED);
            assertThat(l.file().getFileName().toString()).isEqualTo(open.getFirst().getFileName().toString().replace(".open", ""));
        });
        assertThat(WarcFiles.list(dir, ".open")).isEmpty();
        List<Read> records = WarcFiles.read(leftovers.getFirst().file());
        List<String> responses = records.stream().filter(r -> r.type().equals("response"))
                .map(r -> r.header("WARC-Target-URI")).toList();
        List<String> expected = new ArrayList<>();
        for (int n = 0; n <= written; n++) {
            expected.add(Captures.url(n));
        }
        assertThat(responses).as("every capture whose write returned, in order").startsWith(expected.toArray(String[]::new));
        assertThat(validate(leftovers.getFirst().file()).exitCode).isZero();
    }

    /** Bodies cut short are left out: jwarc's validator reads them against their Content-Length and reports them. */
    @Test
    void jwarcsValidatorAcceptsEveryFile() throws Exception {
        List<Path> files;
        try (LiveExchanges site = new LiveExchanges();
             WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO)
                     .withMaxFileBytes(20_000))) {
            for (String path : List.of("/plain", "/chunked", "/gzip")) {
                archive.write(site.capture(path));
            }
            WarcExchange again = site.capture("/plain");
            archive.writeRevisit(again, new Revisit(again.targetUri(), again.fetchedAt(), PayloadDigest.of(again)));
            WarcExchange notModified = site.capture("/not-modified");
            archive.writeRevisit(notModified, new Revisit(notModified.targetUri(), again.fetchedAt(), null));
            archive.write(site.capture("/plain").withTruncation(Truncation.TIME));
            for (int i = 0; i < 20; i++) {
                archive.write(Captures.synthetic(i, 3000));
            }
            files = archive.closeAndList();
        }
        assertThat(files).hasSizeGreaterThan(1);
        for (Path file : files) {
            Validation result = validate(file);
            assertThat(result.exitCode).as("jwarc validate %s:%n%s", file, result.output).isZero();
            assertThat(result.output).doesNotContainIgnoringCase("fail").doesNotContainIgnoringCase("error");
            assertThat(result.output).contains("block digest pass");
        }
    }

    record Validation(int exitCode, String output) {}

    /** {@code jwarc validate --forbid-extensions -v FILE}, jwarc's command-line validator, in its own JVM. */
    static Validation validate(Path file) throws Exception {
        Process process = java("org.netpreserve.jwarc.tools.WarcTool", "validate", "--forbid-extensions", "-v",
                file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Validation(process.exitValue(), output);
    }

    private static ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
