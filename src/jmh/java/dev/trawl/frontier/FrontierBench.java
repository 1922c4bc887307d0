package dev.trawl.frontier;

import dev.trawl.url.Urls;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The frontier's work for one crawled page, single-threaded: take a lease, release it, look up the page's 30
 * links in the seen-set (29 already known, 1 new, as on the benchmark site once the crawl is under way), queue
 * the new one, finish the lease. Each invocation starts from a frontier that already knows and queues
 * {@value #PREFILL} URLs spread over {@code hosts} hosts, then handles {@value #PAGES} pages; the figure is per
 * page. The URL strings exist before the measurement, as they do in a crawl (the parser made them).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrontierBench {
    static final int PREFILL = 20_000;
    static final int PAGES = 20_000;
    static final int LINKS_PER_PAGE = 30;

    @Param({"1", "300"})
    public int hosts;

    private String[] urls;
    private String[][] links;
    private SeenSet seen;
    private Scheduler scheduler;

    @Setup(Level.Trial)
    public void urls() {
        urls = new String[PREFILL + PAGES];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = "http://host-" + (i % hosts) + ".example/sec" + (i % 40) + "/page-" + i + ".html";
        }
        SplittableRandom random = new SplittableRandom(42);
        links = new String[PAGES][LINKS_PER_PAGE];
        for (int p = 0; p < PAGES; p++) {
            int known = PREFILL + p;
            for (int l = 0; l < LINKS_PER_PAGE - 1; l++) {
                links[p][l] = urls[random.nextInt(known)];
            }
            links[p][LINKS_PER_PAGE - 1] = urls[known];
        }
    }

    @Setup(Level.Invocation)
    public void frontier() {
        seen = new SeenSet();
        scheduler = new Scheduler(64, 4, Duration.ZERO, Long.MAX_VALUE, Urls::host, System::nanoTime);
        for (int i = 0; i < PREFILL; i++) {
            seen.add(urls[i]);
            scheduler.add(CrawlItem.of(urls[i], 1));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public int crawlPages() throws InterruptedException {
        int added = 0;
        for (String[] pageLinks : links) {
            Lease lease = scheduler.take();
            scheduler.release(lease);
            for (String link : pageLinks) {
                if (seen.add(link)) {
                    scheduler.add(CrawlItem.of(link, lease.item().depth() + 1));
                    added++;
                }
            }
            scheduler.finish(lease);
        }
        if (added != PAGES) throw new IllegalStateException("expected " + PAGES + " new URLs, got " + added);
        return added;
    }
}
