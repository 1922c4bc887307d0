package dev.trawl.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Items that are no page (sitemap requests): no page budget, before the host's fresh items, within its limits. */
class SchedulerOutsideBudgetTest {
    private static Scheduler scheduler(int perHost, Duration delay, long budget, AtomicLong clock) {
        return new Scheduler(4, perHost, delay, budget, url -> url.substring(7, url.indexOf('/', 7)), clock::get);
    }

    @Test
    void startsWithTheBudgetSpentAndTakesNoneOfIt() throws Exception {
        var sched = scheduler(4, Duration.ZERO, 1, new AtomicLong());
        sched.add(CrawlItem.of("http://a.test/page", 0));
        sched.addOutsideBudget(CrawlItem.of("http://a.test/sitemap.xml", 0));

        Lease sitemap = sched.take();
        Lease page = sched.take();

        assertThat(sitemap.item().url()).as("before the host's fresh items").isEqualTo("http://a.test/sitemap.xml");
        assertThat(page.item().url()).as("the one page the budget allows still starts").isEqualTo("http://a.test/page");
        assertThat(sched.isBudgetSpent()).isTrue();
        sched.addOutsideBudget(CrawlItem.of("http://a.test/more.xml", 0));
        assertThat(sched.take().item().url()).isEqualTo("http://a.test/more.xml");
    }

    @Test
    void keepsTheHostsDelayAndIsRefusedOnceNoMoreItemsWerePromised() throws Exception {
        var clock = new AtomicLong(1_000_000_000L);
        var sched = scheduler(4, Duration.ofSeconds(1), Long.MAX_VALUE, clock);
        sched.add(CrawlItem.of("http://a.test/page", 0));
        Lease page = sched.take();
        sched.finish(page);
        sched.addOutsideBudget(CrawlItem.of("http://a.test/sitemap.xml", 0));
        assertThat(sched.queued()).isEqualTo(1);

        var taken = new java.util.concurrent.atomic.AtomicReference<Lease>();
        Thread taker = Thread.ofVirtual().start(() -> {
            try {
                taken.set(sched.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(200);
        assertThat(taken.get()).as("a second has not passed on the host's clock").isNull();
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(taker.join(Duration.ofSeconds(5))).isTrue();
        assertThat(taken.get().item().url()).isEqualTo("http://a.test/sitemap.xml");

        sched.noMoreItems();
        assertThatThrownBy(() -> sched.addOutsideBudget(CrawlItem.of("http://a.test/late.xml", 0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
