package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreStressTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 5_000;

    @TempDir
    Path dir;

    private static String url(int thread, int i) {
        return "https://t" + thread + ".example/page/" + i;
    }

    /** Each record discovers its successor and a URL another thread writes, so done and pending rows race. */
    private static PageRecord record(int t, int i) {
        List<FrontierEntry> discovered = List.of(
                new FrontierEntry(url(t, i + 1), 1), new FrontierEntry(url((t + 1) % THREADS, i), 1));
        return TestRecords.ok(url(t, i), 1, List.of(url(t, i + 1), url((t + 1) % THREADS, i)), discovered);
    }

    @Test
    void concurrentWritersLoseAndDuplicateNothing() throws Exception {
        long started = System.nanoTime();
        try (PageStore store = Stores.open(dir.resolve("stress.db").toString())) {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = IntStream.range(0, THREADS).<Future<?>>mapToObj(t -> pool.submit(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        store.write(record(t, i));
                    }
                    return null;
                })).toList();
                for (Future<?> f : done) {
                    f.get();
                }
            }
            store.flush();
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("stress: %d records in %d ms = %d records/s%n",
                    THREADS * PER_THREAD, millis, THREADS * PER_THREAD * 1000L / Math.max(1, millis));

            PageStoreContractTest.assertRacedWritesLanded(store, THREADS, PER_THREAD);
            AtomicLong exported = new AtomicLong();
            store.exportRows(row -> exported.incrementAndGet());
            assertThat(exported.get()).isEqualTo((long) THREADS * PER_THREAD);
        }
    }
}
