package dev.trawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The options a shared crawl stores for its workers survive the round trip, and a joining worker uses them. */
class CrawlOptionsTest {
    private static CrawlOptions options(CrawlConfig.Builder builder) {
        CrawlConfig config = builder.build();
        return CrawlOptions.of(config, config.seeds());
    }

    @Test
    void headersAndTheSsrfChoiceTravelToWorkers() {
        var stored = options(CrawlConfig.builder(List.of("http://example.com/"))
                .headers(List.of("X-Team: crawl", "Accept-Language: de")).allowPrivate(true).perHost(3));
        var read = CrawlOptions.fromJson(stored.toJson());
        assertThat(read).isEqualTo(stored);
        CrawlConfig worker = read.toBuilder("postgresql://x@y/z").build();
        assertThat(worker.headers()).containsExactly("X-Team: crawl", "Accept-Language: de");
        assertThat(worker.allowPrivate()).isTrue();
        assertThat(worker.perHost()).isEqualTo(3);
    }

    @Test
    void optionsStoredBeforeHeadersExistedMeanNoneAndTheGuardOn() {
        var stored = options(CrawlConfig.builder(List.of("http://example.com/")));
        String old = stored.toJson().replace(",\"headers\":[]", "").replace(",\"allow_private\":false", "");
        assertThat(old).doesNotContain("headers").doesNotContain("allow_private");
        var read = CrawlOptions.fromJson(old);
        assertThat(read.headers()).isEmpty();
        assertThat(read.allowPrivate()).isFalse();
    }

    @Test
    void aWorkerAskingForOtherHeadersOrGuardIsToldWhich() {
        var crawl = options(CrawlConfig.builder(List.of("http://example.com/")));
        var asked = options(CrawlConfig.builder(List.of("http://example.com/")).allowPrivate(true));
        assertThat(crawl.firstDifference(asked)).contains("--allow-private: this crawl was started with off, not on");
        var withHeader = options(CrawlConfig.builder(List.of("http://example.com/")).headers(List.of("X-A: 1")));
        assertThat(crawl.firstDifference(withHeader)).contains("--header: this crawl was started with none, not 'X-A: 1'");
    }
}
