package dev.trawl.serve;

import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.CliRunner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `trawl serve` through the command line: what it prints, and one line with the exit code for every mistake. */
class ServeCliIT {
    @TempDir Path dir;

    @Test
    void mistakesAreOneLineWithTheirExitCode() throws Exception {
        var missing = run("serve", "--db", dir.resolve("nope.db"), "--port", "0");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("trawl: cannot open database " + dir.resolve("nope.db") + ": no such file" + System.lineSeparator());
        Path notTrawl = dir.resolve("empty.db");
        Files.write(notTrawl, new byte[0]);
        assertThat(run("serve", "--db", notTrawl, "--port", "0").err()).contains("it holds no trawl crawl");
        var port = run("serve", "--db", notTrawl, "--port", "70000");
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).startsWith("trawl: --port: expected a port from 0 to 65535, got 70000");
        assertThat(run("serve", "--db", notTrawl, "--bind", "no-such-host.invalid").err())
                .startsWith("trawl: --bind: 'no-such-host.invalid' is not an address of this machine");
    }

    @Test
    void printsTheUrlToOpenAndServesTheCrawl() throws Exception {
        String db = dir.resolve("cli.db").toString();
        try (var site = ServeFixture.site()) {
            ServeFixture.crawl(site, db);
        }
        Process serve = CliRunner.startChild(List.of(), List.of("serve", "--db", db, "--port", "0", "--run-dir", dir.resolve("run").toString()),
                ProcessBuilder.Redirect.PIPE);
        try (var out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            Matcher m = Pattern.compile("^serving " + Pattern.quote(db) + " at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C to stop\\)$").matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            ServeFixture.Answer overview = ServeFixture.get(URI.create(m.group(1)));
            assertThat(overview.status()).isEqualTo(200);
            assertThat(overview.body()).contains("data-key=\"pages\"><div class=\"value\">28<");
        } finally {
            serve.destroy(); // SIGTERM: the shutdown hook ends it cleanly
            assertThat(serve.waitFor()).isEqualTo(143);
        }
    }
}
