package dev.trawl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.crawl.CrawlConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What --help and --version promise: every option says its default, every command ends with examples that parse. */
class CliHelpTest {
    private static final List<String> STANDARD = List.of("--help", "--version");

    private static Map<String, CommandLine> visibleCommands() {
        var commands = new java.util.LinkedHashMap<String, CommandLine>();
        commands.put("trawl", TrawlCommand.commandLine());
        TrawlCommand.commandLine().getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && !"help".equals(name)) commands.put(name, sub);
        });
        return commands;
    }

    @Test
    void everyOptionSaysItsDefault() {
        List<String> silent = new ArrayList<>();
        visibleCommands().forEach((name, cli) -> {
            for (OptionSpec option : cli.getCommandSpec().options()) {
                if (STANDARD.contains(option.longestName()) || option.hidden()) continue;
                String text = String.join(" ", option.description());
                if (!text.contains("default: ") && !text.contains("(required)")) silent.add(name + " " + option.longestName());
            }
        });
        assertThat(silent).as("options whose help does not say their default").isEmpty();
    }

    @Test
    void everyCommandEndsWithExamplesThatParse() {
        visibleCommands().forEach((name, cli) -> {
            String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(help).as(name + " --help").contains("Examples:");
            List<String> examples = examples(help);
            for (String line : cli.getCommandSpec().usageMessage().footer()) {
                if (line.startsWith("  trawl")) assertThat(help).as("an example wider than the help").contains(line.replace("%n", ""));
            }
            assertThat(examples).as("examples in " + name + " --help").hasSizeGreaterThanOrEqualTo(2);
            for (String example : examples) {
                String[] args = commandWords(example);
                // A fresh tree each time: picocli keeps parsed values in the command objects.
                var parsed = TrawlCommand.commandLine().parseArgs(args);
                assertThat(parsed.errors()).as(example).isEmpty();
            }
        });
    }

    /** The example lines: two spaces, then a trawl command. */
    private static List<String> examples(String help) {
        String tail = help.substring(help.indexOf("Examples:"));
        return tail.lines().filter(line -> line.startsWith("  trawl")).map(String::strip).toList();
    }

    /** An example's own words: up to the first shell operator or comment, without the leading "trawl". */
    private static String[] commandWords(String example) {
        List<String> words = new ArrayList<>();
        for (String word : example.split("\\s+")) {
            if (List.of("#", ">", "|", "&&", "<").contains(word)) break;
            words.add(word);
        }
        return Arrays.copyOfRange(words.toArray(String[]::new), 1, words.size());
    }

    @Test
    void versionSaysTrawlJavaAndSqlite() {
        var out = new StringWriter();
        int code = TrawlCommand.run(new String[] {"--version"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString().lines().toList())
                .hasSize(3)
                .satisfies(lines -> {
                    assertThat(lines.get(0)).isEqualTo("trawl " + CrawlConfig.VERSION);
                    assertThat(lines.get(1)).startsWith("Java " + Runtime.version().feature());
                    assertThat(lines.get(2)).matches("SQLite 3\\.\\d+\\.\\d+");
                });
    }

    @Test
    void aSubcommandsVersionIsTheSame() {
        var root = new StringWriter();
        var sub = new StringWriter();
        var err = new PrintWriter(new StringWriter(), true);
        TrawlCommand.run(new String[] {"--version"}, new PrintWriter(root, true), err);
        TrawlCommand.run(new String[] {"crawl", "--version"}, new PrintWriter(sub, true), err);
        assertThat(sub.toString()).isEqualTo(root.toString());
    }

    @Test
    void theTreeHasEveryCommand() {
        CommandSpec spec = TrawlCommand.commandLine().getCommandSpec();
        assertThat(spec.subcommands().keySet()).contains("crawl", "worker", "export", "status", "demo", "help");
    }
}
