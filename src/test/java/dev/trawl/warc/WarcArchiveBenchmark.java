package dev.trawl.warc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;

/**
 * bench/warc.sh: how fast captures reach the disk, for the two ways to serialize writes from many fetch threads:
 * {@code archive}, the WarcArchive (each thread digests and gzips its own records, one writer thread appends the
 * bytes), and {@code locked}, one jwarc WarcWriter shared under a lock (digests on the caller, gzip and the write
 * under the lock). Reports captures/s and input MB/s (request + response bytes) per mode and thread count.
 *
 * <p>Arguments: DIR (default a temporary directory), CAPTURES per run (default 20000), BODY bytes (default 16384),
 * THREAD COUNTS (default 1,4,16).
 */
public final class WarcArchiveBenchmark {
    private WarcArchiveBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("warc-bench");
        int captures = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int body = args.length > 2 ? Integer.parseInt(args[2]) : 16_384;
        String threadCounts = args.length > 3 ? args[3] : "1,4,16";
        List<WarcExchange> pool = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            pool.add(Captures.synthetic(i, body));
        }
        long inputBytes = 0;
        for (int i = 0; i < captures; i++) {
            WarcExchange e = pool.get(i % pool.size());
            inputBytes += e.requestHead().length + e.responseHead().length + e.bodyLength();
        }
        System.out.printf("%d captures of %d body bytes (%.1f MB in), %d cores, into %s%n", captures, body,
                inputBytes / 1e6, Runtime.getRuntime().availableProcessors(), dir);
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            for (String t : threadCounts.split(",")) {
                int threads = Integer.parseInt(t.strip());
                for (String mode : List.of("archive", "locked")) {
                    Path runDir = Files.createDirectories(dir.resolve(mode + "-" + threads + "-" + round));
                    long start = System.nanoTime();
                    if (mode.equals("archive")) {
                        runArchive(runDir, pool, captures, threads);
                    } else {
                        runLocked(runDir, pool, captures, threads);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long written = sizeOf(runDir);
                    if (round == 1) {
                        System.out.printf("%-8s threads %3d: %8.0f captures/s %7.1f MB/s in, %7.1f MB/s to disk (%.1f MB, %.2f s)%n",
                                mode, threads, captures / seconds, inputBytes / 1e6 / seconds, written / 1e6 / seconds,
                                written / 1e6, seconds);
                    }
                    delete(runDir);
                }
            }
        }
    }

    private static void runArchive(Path dir, List<WarcExchange> pool, int captures, int threads) throws Exception {
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            parallel(captures, threads, n -> archive.write(pool.get(n % pool.size())));
            archive.closeAndList();
        }
    }

    private static void runLocked(Path dir, List<WarcExchange> pool, int captures, int threads) throws Exception {
        RecordEncoder encoder = new RecordEncoder(WarcArchiveConfig.DEFAULT_MAX_BODY_BYTES);
        Path file = dir.resolve("locked.warc.gz");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            Object lock = new Object();
            parallel(captures, threads, n -> {
                WarcRecord[] records = encoder.captureRecords(pool.get(n % pool.size()));
                synchronized (lock) {
                    for (WarcRecord record : records) {
                        writer.write(record);
                    }
                }
            });
            channel.force(true);
        }
    }

    private interface Job {
        void run(int n) throws Exception;
    }

    private static void parallel(int captures, int threads, Job job) throws Exception {
        AtomicLong next = new AtomicLong();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(executor.submit(() -> {
                    for (long n; (n = next.getAndIncrement()) < captures; ) {
                        job.run((int) n);
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
