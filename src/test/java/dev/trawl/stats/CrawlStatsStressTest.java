package dev.trawl.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.store.PageRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thousands of tasks updating the counters at once lose no update, in memory and in a mapped file. */
class CrawlStatsStressTest {
    private static final int TASKS = 2_000;
    private static final int PER_TASK = 100;

    private static PageRecord record(Integer status, String error, long bytes, long millis) {
        return dev.trawl.store.TestRecords.answered("http://a.test/", status, error, bytes, millis);
    }

    @Test
    void countsAreExactUnderContention() throws Exception {
        var stats = new CrawlStats();
        hammer(stats);
        assertExact(stats.snapshot());
        assertThat(stats.requests()).isEqualTo((long) TASKS * PER_TASK);
        assertThat(stats.retries()).isEqualTo(TASKS * 2L);
    }

    @Test
    void anotherMappingOfThePublishedFileSeesEveryUpdateAndNeverGoesBackwards(@TempDir Path dir) throws Exception {
        try (var stats = CrawlStats.publish(dir, "/crawls/stress.db", false)) {
            var stop = new AtomicBoolean();
            var backwards = new AtomicReference<String>();
            var failure = new AtomicReference<Throwable>();
            var reads = new java.util.concurrent.atomic.AtomicLong();
            var readerStarted = new CountDownLatch(1);
            // The reader only records; the checks are made here: an exception on its thread would end it unseen,
            // and a reader that never read would make "never went backwards" true of nothing.
            Thread reader = Thread.ofPlatform().start(() -> {
                readerStarted.countDown();
                try {
                    long last = 0;
                    while (!stop.get()) {
                        long now = readPages(dir);
                        reads.incrementAndGet();
                        if (now < last) backwards.set(last + " then " + now);
                        last = Math.max(last, now);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            readerStarted.await();
            hammer(stats);
            stop.set(true);
            reader.join();

            assertThat(failure.get()).as("the reader failed").isNull();
            assertThat(reads.get()).as("reads made while the counters were hammered").isPositive();
            assertThat(backwards.get()).as("a reader saw the page count go backwards").isNull();
            List<CrawlProcess> seen = RunDirectory.list(dir, null);
            assertThat(seen).hasSize(1);
            assertExact(seen.getFirst().counters());
        }
        assertThat(RunDirectory.list(dir, null)).as("closing removes the file").isEmpty();
    }

    private static long readPages(Path dir) {
        try {
            List<CrawlProcess> list = RunDirectory.list(dir, null);
            return list.isEmpty() ? 0 : list.getFirst().counters().pages();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void hammer(CrawlStats stats) {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < TASKS; t++) {
                pool.execute(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < PER_TASK; i++) {
                        stats.requestStarted();
                        stats.recorded(record(i % 10 == 0 ? 503 : 200, null, 10, i % 3 == 0 ? 7 : 300));
                        if (i % 25 == 0) stats.recorded(record(null, "robots", 0, 0));
                        if (i % 50 == 0) stats.retryScheduled();
                        if (i % 20 == 0) stats.recorded(record(null, "timeout", 0, 0));
                    }
                });
            }
            start.countDown();
        }
    }

    private static void assertExact(CounterSnapshot s) {
        long n = (long) TASKS * PER_TASK;
        assertThat(s.requests()).isEqualTo(n);
        assertThat(s.pages()).isEqualTo(n + TASKS * 4L + TASKS * 5L);
        assertThat(s.errors()).isEqualTo(n / 10 + TASKS * 5L);
        assertThat(s.errorsByKind()).containsEntry("http_5xx", n / 10).containsEntry("timeout", TASKS * 5L);
        assertThat(s.robotsDenied()).isEqualTo(TASKS * 4L);
        assertThat(s.retries()).isEqualTo(TASKS * 2L);
        assertThat(s.bytes()).isEqualTo(n * 10);
        assertThat(s.statusClasses()).containsExactly(0, n - n / 10, 0, 0, n / 10);
        assertThat(s.latencyCount()).isEqualTo(n);
        assertThat(s.latencySumMillis()).isEqualTo(TASKS * (34L * 7 + 66L * 300));
    }
}
