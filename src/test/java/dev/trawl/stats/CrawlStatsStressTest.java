package dev.trawl.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.store.PageRecord;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Thousands of tasks updating the counters at once lose no update. */
class CrawlStatsStressTest {
    private static PageRecord record(Integer status, String error, long bytes) {
        return new PageRecord("http://a.test/", 0, null, status, null, null, error, Instant.EPOCH,
                null, null, null, null, bytes, 0, List.of(), List.of());
    }

    @Test
    void countsAreExactUnderContention() throws Exception {
        var stats = new CrawlStats();
        int tasks = 2_000;
        int perTask = 100;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < tasks; t++) {
                pool.execute(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perTask; i++) {
                        stats.requestStarted();
                        stats.recorded(record(i % 10 == 0 ? 503 : 200, null, 10));
                        if (i % 25 == 0) stats.recorded(record(null, "robots", 0));
                        if (i % 50 == 0) stats.retryScheduled();
                    }
                });
            }
            start.countDown();
        }
        long n = (long) tasks * perTask;
        assertThat(stats.requests()).isEqualTo(n);
        assertThat(stats.recorded()).isEqualTo(n + tasks * 4L);
        assertThat(stats.errors()).isEqualTo(n / 10);
        assertThat(stats.robotsDenied()).isEqualTo(tasks * 4L);
        assertThat(stats.retries()).isEqualTo(tasks * 2L);
        assertThat(stats.bytes()).isEqualTo(n * 10);
    }
}
