package dev.trawl.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** N threads racing to add overlapping URLs: each URL is new to exactly one of them. */
class SeenSetStressTest {
    @Test
    void everyUrlIsAdmittedExactlyOnceUnderContention() throws Exception {
        int threads = 32;
        int urls = 20_000;
        var seen = new SeenSet();
        var admitted = new AtomicInteger();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int offset = t;
                pool.execute(() -> {
                    await(start);
                    for (int i = 0; i < urls; i++) {
                        int n = (i + offset * 997) % urls; // every thread tries every URL, in a different order
                        if (seen.add("http://example.com/page/" + n)) admitted.incrementAndGet();
                    }
                });
            }
            start.countDown();
        }
        assertThat(admitted.get()).isEqualTo(urls);
        assertThat(seen.size()).isEqualTo(urls);
        assertThat(seen.contains("http://example.com/page/7")).isTrue();
        assertThat(seen.contains("http://example.com/page/" + urls)).isFalse();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
