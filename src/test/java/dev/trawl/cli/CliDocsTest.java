package dev.trawl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages and completion scripts are made from the command tree (CliDocs): each page documents every option
 * of its command, and the scripts complete them in a real bash and a real zsh. The roff conversion and the shells
 * are Debian packages (.ci/run installs them); where one is missing, that case is skipped with the reason.
 */
class CliDocsTest {
    @TempDir static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        CliDocs.write(dir);
    }

    private static List<CommandLine> documented() {
        List<CommandLine> commands = new ArrayList<>();
        TrawlCommand.commandLine().getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && !"help".equals(name)) commands.add(sub);
        });
        return commands;
    }

    @Test
    void eachCommandsPageDocumentsEachOfItsOptions() throws IOException {
        for (CommandLine command : documented()) {
            Path page = dir.resolve("man/trawl-" + command.getCommandName() + ".adoc");
            String text = Files.readString(page);
            assertThat(text).contains("= trawl-" + command.getCommandName() + "(1)");
            for (OptionSpec option : command.getCommandSpec().options()) {
                assertThat(text).as(page + " documents " + option.longestName()).contains("*" + option.longestName() + "*");
            }
            assertThat(text).as(page + " has the examples").contains("Examples:");
        }
        String root = Files.readString(dir.resolve("man/trawl.adoc"));
        for (CommandLine command : documented()) assertThat(root).contains("trawl-" + command.getCommandName() + ".adoc[*" + command.getCommandName() + "*]");
    }

    @Test
    void pagesBecomeManPagesThatManRenders() throws Exception {
        assumeTrue(onPath("asciidoctor"), "skipped: asciidoctor (Debian package asciidoctor) is not installed");
        assumeTrue(onPath("man"), "skipped: man (Debian package man-db) is not installed");
        Path roff = Files.createDirectories(dir.resolve("roff"));
        List<String> convert = new ArrayList<>(List.of("asciidoctor", "-b", "manpage", "-D", roff.toString()));
        convert.add(dir.resolve("man/trawl-crawl.adoc").toString());
        assertThat(run(dir, convert).exit()).isZero();
        var rendered = run(dir, List.of("man", "-P", "cat", "-l", roff.resolve("trawl-crawl.1").toString()));
        assertThat(rendered.exit()).isZero();
        assertThat(rendered.out()).contains("NAME", "SYNOPSIS", "OPTIONS", "--max-pages", "EXAMPLES", "trawl crawl https://example.com/");
    }

    @Test
    void bashCompletesACommandsOptions() throws Exception {
        assumeTrue(onPath("bash"), "skipped: no bash");
        String script = dir.resolve("completion/trawl").toString();
        List<String> max = TrawlCommand.commandLine().getSubcommands().get("crawl").getCommandSpec().options().stream()
                .flatMap(option -> java.util.Arrays.stream(option.names())).filter(name -> name.startsWith("--max")).toList();
        assertThat(max).contains("--max-pages", "--max-depth", "--max-body");
        assertThat(complete(script, "trawl crawl --max")).containsExactlyInAnyOrderElementsOf(max);
        assertThat(complete(script, "trawl ex")).containsExactly("export", "extract");
        assertThat(complete(script, "trawl crawl --scope ")).containsExactlyInAnyOrder("host", "domain", "any");
    }

    /** What bash offers for the line, as its completion machinery would call the function: words, index, line. */
    private static List<String> complete(String script, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program = "source '" + script + "' 2>/dev/null; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE};"
                + " COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                + " _complete_trawl trawl \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"";
        var result = run(dir, List.of("bash", "--norc", "-c", program));
        assertThat(result.exit()).isZero();
        return result.out().lines().filter(s -> !s.isBlank()).toList();
    }

    @Test
    void zshLoadsTheCompletionFromItsFunctionPath() throws Exception {
        assumeTrue(onPath("zsh"), "skipped: zsh (Debian package zsh) is not installed");
        String program = "fpath=('" + dir.resolve("completion") + "' $fpath); autoload -U compinit && compinit -u -D;"
                + " print -r -- ${_comps[trawl]}";
        var result = run(dir, List.of("zsh", "-f", "-c", program));
        assertThat(result.exit()).isZero();
        assertThat(result.out().strip()).isEqualTo("_trawl");
    }

    record Result(int exit, String out) {}

    static Result run(Path cwd, List<String> command) throws Exception {
        var process = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    static boolean onPath(String program) {
        for (String part : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(part, program))) return true;
        }
        return false;
    }
}
