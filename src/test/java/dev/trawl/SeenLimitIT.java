package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlConfig;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Crawler;
import dev.trawl.testsite.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory seen-set is bounded (CrawlConfig.seenLimit): past the bound, links are deduplicated by the store's
 * unique URL alone. A crawl whose seen-set holds 5 URLs of a 300-page site, every page linked from 8 others, must
 * still fetch and store each page exactly once, and count what is left pending right when it stops early.
 */
class SeenLimitIT {
    private static final int PAGES = 300;
    @TempDir Path dir;

    private static TestSite site() throws Exception {
        var site = TestSite.start();
        for (int i = 0; i < PAGES; i++) {
            String[] links = new String[8];
            for (int k = 0; k < links.length; k++) links[k] = "/p" + ((i * 7 + k * 37 + 1) % PAGES);
            site.page("/p" + i, "page " + i, links);
        }
        return site;
    }

    private static CrawlSummary crawl(TestSite site, Path db, long maxPages) throws Exception {
        var config = CrawlConfig.builder(List.of(site.url("/p0"))).db(db.toString()).ignoreRobots(true)
                .perHost(8).seenLimit(5).maxPages(maxPages).build();
        try (Crawl crawl = Crawler.start(config)) {
            return crawl.await();
        }
    }

    @Test
    void aFullSeenSetLeavesDedupToTheStore() throws Exception {
        try (var site = site()) {
            Path db = dir.resolve("t.db");

            CrawlSummary first = crawl(site, db, 100);
            assertThat(first.recorded()).isEqualTo(100);
            long pendingAfterFirst = first.pending();
            CrawlSummary rest = crawl(site, db, CrawlConfig.UNLIMITED);

            assertThat(CliRunner.export(db)).hasSize(PAGES);
            assertThat(site.allHits()).hasSize(PAGES).allSatisfy((path, hits) -> assertThat(hits).as(path).isEqualTo(1));
            assertThat(pendingAfterFirst).as("known, not stored, at the first stop").isPositive()
                    .isLessThanOrEqualTo(PAGES - 100);
            assertThat(rest.recorded()).isEqualTo(PAGES - 100);
            assertThat(rest.pending()).isZero();
            assertThat(rest.stoppedBy()).isEqualTo(CrawlSummary.StopReason.COMPLETE);
        }
    }
}
