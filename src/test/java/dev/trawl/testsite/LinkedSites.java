package dev.trawl.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The site the worker tests and benchmarks crawl: {@code pages} pages spread over several loopback hosts
 * (127.0.0.{firstAddress}, then the next ones), page i on host i % hosts at /p{i}, each linking to four others, mostly
 * on other hosts, and answering after {@code pageMillis}.
 */
public final class LinkedSites {
    private LinkedSites() {}

    public static List<TestSite> start(int pages, int hosts, int firstAddress, long pageMillis) throws Exception {
        List<TestSite> sites = new ArrayList<>();
        for (int h = 0; h < hosts; h++) sites.add(TestSite.start(InetAddress.getByName("127.0.0." + (h + firstAddress))));
        for (int i = 0; i < pages; i++) {
            var html = new StringBuilder("<title>P").append(i).append("</title>");
            for (int k = 1; k <= 4; k++) {
                int j = (i * 4 + k) % pages;
                html.append("<a href=\"").append(sites.get(j % hosts).url("/p" + j)).append("\">l</a>");
            }
            sites.get(i % hosts).slowPage("/p" + i, pageMillis, html.toString());
        }
        return sites;
    }

    /** Hits of every site, keyed by full URL. */
    public static Map<String, Integer> allHits(List<TestSite> sites) {
        Map<String, Integer> all = new HashMap<>();
        for (TestSite site : sites) site.allHits().forEach((path, hits) -> all.put(site.url(path), hits));
        return all;
    }

    /** Waits, for at most two minutes and while {@code crawling} holds, until this many distinct URLs were requested. */
    public static void awaitHits(List<TestSite> sites, int hits, BooleanSupplier crawling) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (allHits(sites).size() < hits) {
            assertThat(crawling.getAsBoolean()).as("crawl ended before it could be killed").isTrue();
            assertThat(System.nanoTime()).as("crawl too slow").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
