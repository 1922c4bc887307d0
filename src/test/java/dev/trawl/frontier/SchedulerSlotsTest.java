package dev.trawl.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Request slots taken outside leases (a rendered page's own requests) count against --per-host and --concurrency. */
class SchedulerSlotsTest {
    private final AtomicLong clock = new AtomicLong();
    private final Scheduler scheduler = new Scheduler(3, 2, Duration.ZERO, Long.MAX_VALUE,
            url -> java.net.URI.create(url).getHost(), clock::get);

    @Test
    void slotsAreBoundedPerHostAndInAllAndComeBackWhenReleased() throws InterruptedException {
        long soon = clock.get(); // a deadline of now: a slot free now, or none
        assertThat(scheduler.acquireSlot("a.test", soon)).isTrue();
        assertThat(scheduler.acquireSlot("a.test", soon)).isTrue();
        assertThat(scheduler.acquireSlot("a.test", soon)).as("--per-host 2").isFalse();
        assertThat(scheduler.acquireSlot("b.test", soon)).isTrue();
        assertThat(scheduler.acquireSlot("c.test", soon)).as("--concurrency 3").isFalse();
        assertThat(scheduler.inFlight()).isEqualTo(3);
        assertThat(scheduler.inFlight("a.test")).isEqualTo(2);
        scheduler.releaseSlot("a.test");
        assertThat(scheduler.acquireSlot("c.test", soon)).isTrue();
        assertThat(scheduler.inFlight()).isEqualTo(3);
    }

    @Test
    void aLeasedPageRequestTakesTheSameSlots() throws InterruptedException {
        scheduler.add(CrawlItem.of("http://a.test/1", 0));
        scheduler.add(CrawlItem.of("http://a.test/2", 0));
        Lease first = scheduler.take();
        Lease second = scheduler.take();
        assertThat(scheduler.acquireSlot("a.test", clock.get())).isFalse();
        scheduler.release(first);
        assertThat(scheduler.acquireSlot("a.test", clock.get())).isTrue();
        scheduler.release(second);
    }

    @Test
    void aWaitingRequestGetsTheSlotWhenOneIsReleased() throws Exception {
        var real = new Scheduler(1, 1, Duration.ZERO, Long.MAX_VALUE, url -> url, System::nanoTime);
        assertThat(real.acquireSlot("a.test", System.nanoTime())).isTrue();
        var got = new java.util.concurrent.CompletableFuture<Boolean>();
        Thread.ofVirtual().start(() -> {
            try {
                got.complete(real.acquireSlot("a.test", System.nanoTime() + TimeUnit.SECONDS.toNanos(10)));
            } catch (InterruptedException e) {
                got.completeExceptionally(e);
            }
        });
        real.releaseSlot("a.test");
        assertThat(got.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
