package dev.trawl.cli;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlConfig;
import dev.trawl.crawl.Crawler;
import dev.trawl.demo.DemoSite;
import dev.trawl.export.ExportFormat;
import dev.trawl.export.Exports;
import dev.trawl.store.PageStore;
import dev.trawl.store.Stores;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: the workload `./trawl` runs once per build under -XX:AOTCacheOutput, so that later runs start
 * with the classes loaded and linked and the hot methods' profiles recorded (JEP 483, 514, 515). It
 * crawls the demo site and exports the result, touching the same code as a real crawl.
 */
@Command(name = "aot-train", hidden = true, description = "Exercise a crawl for the JVM's ahead-of-time cache.")
final class AotTrainCommand implements Callable<Integer> {
    private static final int PAGES = 3000;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("trawl-aot-");
        String db = dir.resolve("train.db").toString();
        try (DemoSite site = DemoSite.start(PAGES, Duration.ofMillis(10))) {
            CrawlConfig config = CrawlConfig.builder(List.of(site.url())).db(db).perHost(64).build();
            try (Crawl crawl = Crawler.start(config)) {
                crawl.await();
            }
            try (PageStore store = Stores.open(db)) {
                Exports.write(store, ExportFormat.JSONL, OutputStream.nullOutputStream());
                Exports.write(store, ExportFormat.CSV, OutputStream.nullOutputStream());
            }
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(db + suffix));
            Files.deleteIfExists(dir);
        }
        return ExitCodes.OK;
    }
}
