package dev.trawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.sitemap.PendingSitemap;
import dev.trawl.sitemap.SitemapLimits;
import dev.trawl.sitemap.WalkHistory;
import dev.trawl.store.SitemapRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a resumed walk takes from the stored rows, and the bound on one sitemap's bytes. */
class SitemapWalkerTest {
    private static SitemapRow visited(String url, int depth, SitemapRow.State state, int urls) {
        return new SitemapRow(url, depth, "robots.txt", state, urls, 0, null, Instant.EPOCH);
    }

    @Test
    void storedRowsBecomeTheVisitedSetTheCountsAndABreadthFirstQueue() {
        WalkHistory history = SitemapWalker.history(List.of(
                SitemapRow.queued("http://s/deep.xml", 2, "http://s/b.xml"),
                visited("http://s/index.xml", 0, SitemapRow.State.FETCHED, 0),
                SitemapRow.queued("http://s/c.xml", 1, "http://s/index.xml"),
                visited("http://s/a.xml", 1, SitemapRow.State.FETCHED, 40),
                visited("http://s/z.xml", 1, SitemapRow.State.REFUSED, 0),
                SitemapRow.queued("http://s/d.xml", 1, "http://s/index.xml")));

        assertThat(history.visited()).containsExactlyInAnyOrder("http://s/index.xml", "http://s/a.xml", "http://s/z.xml");
        assertThat(history.fetched()).as("a refused sitemap was not fetched").isEqualTo(2);
        assertThat(history.urls()).isEqualTo(40);
        assertThat(history.queued()).extracting(PendingSitemap::url)
                .containsExactly("http://s/c.xml", "http://s/d.xml", "http://s/deep.xml");
    }

    @Test
    void noRowsIsAFreshWalk() {
        assertThat(SitemapWalker.history(List.of())).isEqualTo(WalkHistory.NONE);
    }

    @Test
    void oneSitemapMayTakeAnEighthOfTheHeapAndNeverMoreThanTheProtocolsFiftyMebibytes() {
        assertThat(SitemapWalker.limitsFor(192L << 20).maxBytes()).isEqualTo(24 << 20);
        assertThat(SitemapWalker.limitsFor(8L << 30).maxBytes()).isEqualTo(SitemapLimits.DEFAULT.maxBytes());
        assertThat(SitemapWalker.limitsFor(1L << 20).maxBytes()).as("a floor of 1 MiB").isEqualTo(1 << 20);
        assertThat(SitemapWalker.limitsFor(192L << 20).maxUrlsPerSite()).isEqualTo(SitemapLimits.DEFAULT.maxUrlsPerSite());
    }
}
