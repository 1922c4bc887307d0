package dev.trawl;

import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one line and the documented exit code, never a stack trace. */
class CliErrorsIT {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a url                 | crawl not-a-url                                    | 'not-a-url' is not an absolute http(s) URL
            ftp seed                  | crawl ftp://example.com/                           | is not an absolute http(s) URL
            unknown option            | crawl http://127.0.0.1:1/ --frobnicate             | Unknown option: '--frobnicate'
            bad duration              | crawl http://127.0.0.1:1/ --delay 2x               | '2x' is not a duration
            bad size                  | crawl http://127.0.0.1:1/ --max-body lots          | 'lots' is not a size
            bad number                | crawl http://127.0.0.1:1/ --max-pages many         | --max-pages
            negative depth            | crawl http://127.0.0.1:1/ --max-depth -1           | --max-depth: expected an integer >= 0
            zero concurrency          | crawl http://127.0.0.1:1/ --concurrency 0          | --concurrency: expected an integer >= 1
            bad scope                 | crawl http://127.0.0.1:1/ --scope planet           | --scope
            bad regex                 | crawl http://127.0.0.1:1/ --include [              | is not a valid regular expression
            no seed                   | crawl                                              | Missing required parameter
            no command                | ''                                                 | a command is required
            bad export format         | export --format xml                                | --format
            zero timeout              | crawl http://127.0.0.1:1/ --timeout 0s             | --timeout: must be more than 0
            header without colon      | crawl http://127.0.0.1:1/ --header NoColon         | --header: header must be 'Name: value'
            header trawl sets         | crawl http://127.0.0.1:1/ --header Host:x          | --header: header Host is set by trawl itself
            proxy of unknown kind     | crawl http://127.0.0.1:1/ --proxy ftp://p:21       | --proxy: proxy URL must start with http:// or socks5://
            bad recrawl age           | crawl http://127.0.0.1:1/ --recrawl --recrawl-older-than 7w     | '7w' is not a duration
            recrawl age alone         | crawl http://127.0.0.1:1/ --recrawl-older-than 7d               | --recrawl-older-than: needs --recrawl
            recrawl age past a century| crawl http://127.0.0.1:1/ --recrawl --recrawl-older-than 36501d | --recrawl-older-than: at most 36500d, got 36501d
            recrawl with a page limit | crawl http://127.0.0.1:1/ --recrawl --max-pages 5               | --recrawl: not with --max-pages
            """)
    void usageErrorsExitWithTwoAndOneLine(String name, String args, String message) {
        var result = run((Object[]) (args.isBlank() ? new String[0] : args.trim().split("\\s+")));

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().lines().findFirst().orElse("")).startsWith("trawl: ").contains(message);
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @ParameterizedTest(name = "user agent \"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {" ", "trawl\nInjected: header", "caf\u00e9"})
    void userAgentsThatCannotBeSentAreUsageErrors(String userAgent) {
        var result = run("crawl", "http://127.0.0.1:9/", "--user-agent", userAgent, "--db", dir.resolve("t.db"));

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("trawl: --user-agent: expected printable ASCII text");
        assertThat(dir.resolve("t.db")).doesNotExist();
    }

    @Test
    void unopenableDatabaseIsFatalWithOneLine() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("a-directory.db"));

        var result = run("crawl", "http://127.0.0.1:9/", "--db", directory, "--quiet");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(result.err()).startsWith("trawl: cannot open database").doesNotContain("\tat ");
    }

    @Test
    void exportOfAMissingDatabaseIsFatalAndCreatesNothing() {
        Path missing = dir.resolve("nope.db");

        var result = run("export", "--db", missing);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("trawl: cannot open database").contains("no such file");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aDatabaseThatIsNotSqliteIsFatalAndLeftUntouched() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "this is not a database, and it is mine");

        var result = run("crawl", "http://127.0.0.1:9/", "--db", junk, "--quiet");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("trawl: cannot open database");
        assertThat(Files.readString(junk)).isEqualTo("this is not a database, and it is mine");
    }

    @Test
    void unreachableSeedIsDataNotFailure() throws Exception {
        Path db = dir.resolve("t.db");

        var result = run("crawl", "http://127.0.0.1:9/", "--db", db, "--quiet", "--retries", "0", "--ignore-robots");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("crawled 1 URLs").contains("1 errors");
        assertThat(CliRunner.export(db).get("http://127.0.0.1:9/").get("error").asText()).isEqualTo("connect");
    }

    /** Error messages echo what the user typed or a page sent; a terminal must get none of it raw. */
    @Test
    void errorsAndTheSummaryEchoNoControlCharacterRaw() throws Exception {
        String hostile = "\u001b]0;owned\u0007\u009b2J\u202e";
        String shown = "\\x1b]0;owned\\x07\\x9b2J\\u202e";

        var badSeed = run("crawl", "x" + hostile, "--db", dir.resolve("t.db"));
        var missing = run("export", "--db", dir.resolve("missing" + hostile + ".db"));
        var badDelay = run("crawl", "http://127.0.0.1:9/", "--delay", hostile);
        Path db = dir.resolve("summary" + hostile + ".db");
        var crawled = run("crawl", "http://127.0.0.1:9/", "--db", db, "--quiet", "--retries", "0", "--ignore-robots");
        var demo = run("demo", "--db", dir.resolve("demo" + hostile + ".db"), "--pages", "5");

        for (var result : java.util.List.of(badSeed, missing, badDelay, crawled, demo)) {
            assertThat(result.out() + result.err()).as(result.toString())
                    .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b").doesNotContain("\u202e");
        }
        assertThat(badSeed.err()).startsWith("trawl: ").contains("x" + shown);
        assertThat(missing.err()).startsWith("trawl: cannot open database").contains(shown);
        assertThat(badDelay.err()).startsWith("trawl: Invalid value for option '--delay'").contains(shown);
        assertThat(crawled.exit()).isZero();
        assertThat(crawled.out()).contains("database " + dir.resolve("summary" + shown + ".db"));
        assertThat(demo.exit()).as(demo.toString()).isZero();
        assertThat(demo.out()).contains("./trawl serve --db " + dir.resolve("demo" + shown + ".db"));
    }
}
