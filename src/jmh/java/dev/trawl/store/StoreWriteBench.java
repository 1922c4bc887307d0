package dev.trawl.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The SQLite store's batch insert: {@value #BATCH} page records written by one thread, then a flush that waits
 * for the writer thread's commit; the figure is per record. Each record looks like a page of the benchmark site:
 * 30 outlinks and 5 newly discovered URLs. URLs never repeat, so every record inserts its frontier row rather
 * than updating one. A fresh database file (in the temporary folder) per iteration keeps the file size, and
 * so the B-tree depth, comparable between iterations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreWriteBench {
    static final int BATCH = 1000;
    private static final Instant AT = Instant.parse("2026-11-25T13:49:08.123Z");

    private Path dir;
    private PageStore store;
    private List<PageRecord> batch;
    private long serial;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        dir = Files.createTempDirectory("trawl-jmh-store");
        store = Stores.open(dir.resolve("bench.db").toString());
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        store.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(dir);
    }

    @Setup(Level.Invocation)
    public void records() {
        batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(record(serial++));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void writeAndFlush() throws InterruptedException {
        for (PageRecord r : batch) {
            store.write(r);
        }
        store.flush();
    }

    private static PageRecord record(long n) {
        String url = url(n);
        List<String> outlinks = new ArrayList<>(30);
        for (int i = 0; i < 30; i++) {
            outlinks.add(url((n * 31 + i * 7919) % (n * 6 + 40)));
        }
        List<FrontierEntry> discovered = new ArrayList<>(5);
        for (int i = 1; i <= 5; i++) {
            discovered.add(new FrontierEntry(url(n * 6 + 40 + i), 4));
        }
        var page = new dev.trawl.parse.ParsedPage("Lisdorzu venmar thoque ston " + n, outlinks,
                "Grapli zuvi onter marnel dorfin gallis torven bracri, a page of the synthetic site " + n, null, "en",
                "UTF-8", 0);
        return new PageRecord(url, 3, AT, new PageOutcome.Fetched(
                new PageOutcome.Reply(url, 200, "text/html; charset=utf-8", 12_288, 35, null), page), discovered);
    }

    private static String url(long n) {
        return "http://127.0.0.1:8088/sec" + (n % 40) + "/page-" + n + ".html";
    }
}
