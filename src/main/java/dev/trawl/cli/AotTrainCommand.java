package dev.trawl.cli;

import dev.trawl.demo.DemoSite;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: the workload `./trawl` runs once per build under -XX:AOTCacheOutput, so that later runs start
 * with the classes loaded and linked and the hot methods' profiles recorded (JEP 483, 514, 515). It goes through
 * the command line as a user would: a crawl of the demo site, both exports, a crawl that keeps bodies and `trawl
 * extract` over them, and the help of every command (the
 * only run that builds every subcommand's model; a normal run builds just the one it names).
 */
@Command(name = "aot-train", hidden = true, description = "Exercise a crawl for the JVM's ahead-of-time cache.")
final class AotTrainCommand implements Callable<Integer> {
    private static final int PAGES = 3000;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("trawl-aot-");
        String db = dir.resolve("train.db").toString();
        String bodies = dir.resolve("bodies.db").toString();
        Path rules = dir.resolve("rules.yaml");
        Path out = dir.resolve("train.out");
        var quiet = new PrintWriter(OutputStream.nullOutputStream(), true);
        try (DemoSite site = DemoSite.start(PAGES, Duration.ofMillis(10))) {
            int crawled = TrawlCommand.run(new String[] {"crawl", site.url(), "--db", db, "--per-host", "64", "--quiet"},
                    quiet, quiet);
            if (crawled != ExitCodes.OK) return crawled;
            for (String format : List.of("jsonl", "csv")) {
                TrawlCommand.run(new String[] {"export", "--db", db, "--format", format, "--out", out.toString()}, quiet, quiet);
            }
            // trawl extract over stored bodies: a short job, where class loading is a large part of the cost
            int stored = TrawlCommand.run(new String[] {"crawl", site.url(), "--db", bodies, "--per-host", "64",
                    "--max-pages", "300", "--store-bodies", "--quiet"}, quiet, quiet);
            if (stored != ExitCodes.OK) return stored;
            TrawlCommand.run(new String[] {"extract", "--db", bodies, "--extract", "title=title::text",
                    "--extract", "links[]=a::attr(href)", "--extract", "text=body ::text", "--quiet"}, quiet, quiet);
            Files.writeString(rules, "rules:\n  - url: /\n    fields:\n      heading: 'h1::text'\n      nav[]: 'a::attr(href)'\n");
            TrawlCommand.run(new String[] {"extract", "--db", bodies, "--rules", rules.toString(), "--quiet"}, quiet, quiet);
            TrawlCommand.run(new String[] {"--help"}, quiet, quiet);
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(db + suffix));
                Files.deleteIfExists(Path.of(bodies + suffix));
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(rules);
            Files.deleteIfExists(dir);
        }
        return ExitCodes.OK;
    }
}
