package dev.trawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.cli.TrawlCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the real command line in-process and reads back what it stored. */
public final class CliRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliRunner() {}

    /**
     * Starts trawl in a child JVM, as a user's shell would (this JVM's java and class path): for kill -9, signals
     * and several processes at once. stdout and stderr go to output.
     */
    public static Process startChild(List<String> jvmOptions, List<String> args, ProcessBuilder.Redirect output)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.trawl.Main"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
    }

    /** Exit code and what was printed. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    public static Result run(Object... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        String[] argv = new String[args.length];
        for (int i = 0; i < args.length; i++) argv[i] = String.valueOf(args[i]);
        int exit = TrawlCommand.run(argv, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs `trawl export` to a JSONL file and returns its records by url. */
    public static Map<String, JsonNode> export(Path db) throws IOException {
        return export(db.toString(), db.resolveSibling(db.getFileName() + ".jsonl"));
    }

    /** Runs `trawl export` of any --db target (PostgreSQL too) to the JSONL file out; records by url. */
    public static Map<String, JsonNode> export(String target, Path out) throws IOException {
        Result r = run("export", "--db", target, "--format", "jsonl", "--out", out);
        if (r.exit() != 0) throw new AssertionError("export failed: " + r);
        Map<String, JsonNode> byUrl = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode node = JSON.readTree(line);
            if (byUrl.put(node.get("url").asText(), node) != null) {
                throw new AssertionError("url exported twice: " + node.get("url"));
            }
        }
        return byUrl;
    }

    public static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
