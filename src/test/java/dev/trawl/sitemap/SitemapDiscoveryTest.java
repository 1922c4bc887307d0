package dev.trawl.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.testsite.SitemapFiles;
import dev.trawl.testsite.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Walks sitemaps served by a real HTTP server on 127.0.0.1, fetched with the JDK HttpClient. */
class SitemapDiscoveryTest {
    private TestSite site;
    private final List<FoundUrl> found = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        site = TestSite.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static String urlset(String... locs) {
        return SitemapFiles.urlset(locs);
    }

    private static String index(String... locs) {
        return SitemapFiles.index(locs);
    }

    private static byte[] gzip(byte[] bytes) {
        return SitemapFiles.gzip(bytes);
    }

    private void xml(String path, String xml) {
        SitemapFiles.xml(site, path, xml);
    }

    private List<SitemapVisit> walk(List<String> robotsLines, SitemapLimits limits, SitemapParsing parsing)
            throws InterruptedException {
        SitemapDiscovery discovery = SitemapDiscovery.forSite(site.url(""), robotsLines);
        return discovery.walk(new HttpSitemapFetcher(), new SitemapReader(limits, parsing), limits, found::add);
    }

    @Test
    void anIndexLeadsToXmlGzipAndTextSitemapsAndEachUrlSaysWhereItCameFrom() throws Exception {
        xml("/index.xml", index(site.url("/a.xml"), site.url("/b.xml.gz"), site.url("/c.txt")));
        xml("/a.xml", urlset(site.url("/page-a")));
        site.bytes("/b.xml.gz", 200, "application/x-gzip",
                gzip(urlset(site.url("/page-b1"), site.url("/page-b2")).getBytes(StandardCharsets.UTF_8)));
        site.bytes("/c.txt", 200, "text/plain", (site.url("/page-c") + "\n\n").getBytes(StandardCharsets.UTF_8));
        // no /sitemap.xml: the default location is tried and gives a 404

        List<SitemapVisit> visits = walk(List.of(site.url("/index.xml")), SitemapLimits.DEFAULT, SitemapParsing.DEFAULT);

        assertThat(found).extracting(FoundUrl::url, FoundUrl::sitemap, FoundUrl::depth).containsExactly(
                org.assertj.core.groups.Tuple.tuple(site.url("/page-a"), site.url("/a.xml"), 1),
                org.assertj.core.groups.Tuple.tuple(site.url("/page-b1"), site.url("/b.xml.gz"), 1),
                org.assertj.core.groups.Tuple.tuple(site.url("/page-b2"), site.url("/b.xml.gz"), 1),
                org.assertj.core.groups.Tuple.tuple(site.url("/page-c"), site.url("/c.txt"), 1));
        assertThat(found.getFirst().lastModified()).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
        assertThat(found.getLast().lastModified()).as("a text sitemap has no lastmod").isNull();
        assertThat(visits).extracting(SitemapVisit::url, SitemapVisit::listedBy, SitemapVisit::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple(site.url("/index.xml"), "robots.txt", null),
                org.assertj.core.groups.Tuple.tuple(site.url("/sitemap.xml"), "default", "http 404"),
                org.assertj.core.groups.Tuple.tuple(site.url("/a.xml"), site.url("/index.xml"), null),
                org.assertj.core.groups.Tuple.tuple(site.url("/b.xml.gz"), site.url("/index.xml"), null),
                org.assertj.core.groups.Tuple.tuple(site.url("/c.txt"), site.url("/index.xml"), null));
        assertThat(visits.getFirst().children()).isEqualTo(3);
    }

    @Test
    void indexesDeeperThanTheBoundAreNotFetched() throws Exception {
        xml("/sitemap.xml", index(site.url("/level1.xml")));
        xml("/level1.xml", index(site.url("/level2.xml")));
        xml("/level2.xml", urlset(site.url("/deep-page")));
        SitemapLimits depthOne = new SitemapLimits(1 << 20, 100, 0, 10, 100);

        List<SitemapVisit> visits = walk(List.of(), depthOne, SitemapParsing.DEFAULT);

        assertThat(site.hits("/level1.xml")).isZero();
        assertThat(found).isEmpty();
        assertThat(visits).singleElement().extracting(SitemapVisit::problem)
                .isEqualTo("its 1 sitemaps were not fetched: index depth 0 is the bound");

        found.clear();
        List<SitemapVisit> deeper = walk(List.of(), new SitemapLimits(1 << 20, 100, 1, 10, 100), SitemapParsing.DEFAULT);

        assertThat(site.hits("/level2.xml")).isZero();
        assertThat(deeper).last().extracting(SitemapVisit::url, SitemapVisit::depth)
                .containsExactly(site.url("/level1.xml"), 1);
    }

    @Test
    void aGzipBombIsCutAtTheByteBoundAndAnOversizedSitemapIsNotRead() throws Exception {
        byte[] bomb = gzip(new byte[64 * 1024 * 1024]); // 64 MiB of zeros, about 64 KB compressed
        site.bytes("/bomb.xml.gz", 200, "application/gzip", bomb);
        xml("/big.xml", urlset(site.url("/p")) + " ".repeat(2 << 20));
        xml("/sitemap.xml", urlset(site.url("/fine")));
        SitemapLimits oneMiB = new SitemapLimits(1 << 20, 100, 2, 10, 100);

        List<SitemapVisit> visits = walk(List.of(site.url("/bomb.xml.gz"), site.url("/big.xml")), oneMiB,
                SitemapParsing.DEFAULT);

        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(visits).extracting(SitemapVisit::problem).containsExactly(
                "larger than 1048576 bytes after gzip decompression", "larger than 1048576 bytes", null);
        assertThat(found).extracting(FoundUrl::url).containsExactly(site.url("/fine"));
    }

    @Test
    void badXmlGetsAOneLineReasonAndWhatCameBeforeTheErrorIsKept() throws Exception {
        String broken = urlset(site.url("/before")).replace("</urlset>", "<url><loc>" + site.url("/x") + "</lo");
        xml("/sitemap.xml", broken);
        xml("/garbage.xml", "<?xml version=\"1.0\"?><urlset><url><loc>a</loc></url><<<");

        List<SitemapVisit> partial = walk(List.of(site.url("/garbage.xml")), SitemapLimits.DEFAULT, SitemapParsing.DEFAULT);

        // the error is at "</lo": both <loc> texts were read before it
        assertThat(found).extracting(FoundUrl::url).containsExactly(site.url("/before"), site.url("/x"));
        assertThat(partial.getLast().problem()).startsWith("not valid XML at line ")
                .endsWith("; kept the 2 entries read before it").doesNotContain("\n");
        assertThat(partial.getFirst().problem()).startsWith("not valid XML at line 1, column ")
                .endsWith("; kept the 0 entries read before it");

        found.clear();
        SitemapParsing whole = new SitemapParsing(false, false, false, false, java.util.function.UnaryOperator.identity());
        List<SitemapVisit> refused = walk(List.of(), SitemapLimits.DEFAULT, whole);

        assertThat(found).isEmpty();
        assertThat(refused).singleElement().extracting(SitemapVisit::problem).asString()
                .matches("not valid XML at line \\d+, column \\d+: .+").doesNotContain("\n");
    }

    @Test
    void perSitemapAndPerSiteBoundsCutAndSayHowMuch() throws Exception {
        List<String> children = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            children.add(site.url("/s" + i + ".xml"));
            String[] pages = new String[20];
            for (int p = 0; p < pages.length; p++) {
                pages[p] = site.url("/s" + i + "/p" + p);
            }
            xml("/s" + i + ".xml", urlset(pages));
        }
        xml("/sitemap.xml", index(children.toArray(String[]::new)));
        SitemapLimits limits = new SitemapLimits(1 << 20, 5, 2, 10, 12);

        List<SitemapVisit> visits = walk(List.of(), limits, SitemapParsing.DEFAULT);

        assertThat(found).hasSize(12);
        assertThat(visits).extracting(SitemapVisit::fetched).containsExactly(true, true, true, true, false, false);
        assertThat(visits.get(0).problem()).isEqualTo("kept the first 5 of 6 entries (the bound)");
        assertThat(visits.get(1).problem()).isEqualTo("kept the first 5 of 20 entries (the bound)");
        assertThat(visits.get(3).problem())
                .isEqualTo("kept the first 5 of 20 entries (the bound); gave 2 of its 5 URLs: the site's bound of 12 was reached");
        assertThat(visits.get(4).problem()).isEqualTo("not fetched: 12 URLs were found for this site (the bound)");
        assertThat(site.hits("/s5.xml")).as("past the index's entry bound").isZero();
        assertThat(site.hits("/s3.xml")).isZero();
    }

    @Test
    void theSitemapCountPerSiteIsBounded() throws Exception {
        xml("/sitemap.xml", index(site.url("/a.xml"), site.url("/b.xml"), site.url("/c.xml")));
        for (String name : List.of("/a.xml", "/b.xml", "/c.xml")) {
            xml(name, urlset(site.url(name + "-page")));
        }

        List<SitemapVisit> visits = walk(List.of(), new SitemapLimits(1 << 20, 100, 2, 2, 100), SitemapParsing.DEFAULT);

        assertThat(found).extracting(FoundUrl::url).containsExactly(site.url("/a.xml-page"));
        assertThat(visits.getLast().problem()).isEqualTo("not fetched: 2 sitemaps were read for this site (the bound)");
        assertThat(site.hits("/b.xml") + site.hits("/c.xml")).isZero();
    }

    @Test
    void anIndexThatListsItselfOrRepeatsAChildIsReadOnce() throws Exception {
        xml("/sitemap.xml", index(site.url("/sitemap.xml"), site.url("/a.xml"), site.url("/a.xml")));
        xml("/a.xml", urlset(site.url("/p")));

        List<SitemapVisit> visits = walk(List.of(), SitemapLimits.DEFAULT, SitemapParsing.DEFAULT);

        assertThat(site.hits("/sitemap.xml")).isEqualTo(1);
        assertThat(site.hits("/a.xml")).isEqualTo(1);
        assertThat(visits).hasSize(2);
        assertThat(found).hasSize(1);
    }

    @Test
    void aRedirectedSitemapIsReadAsTheUrlThatAnswered() throws Exception {
        site.redirect("/old.xml", 301, site.url("/new/sitemap.xml"));
        xml("/new/sitemap.xml", urlset(site.url("/new/in"), site.url("/out")));
        SitemapParsing strict = new SitemapParsing(true, true, false, false, java.util.function.UnaryOperator.identity());

        walk(List.of(site.url("/old.xml")), SitemapLimits.DEFAULT, strict);

        assertThat(found).extracting(FoundUrl::url).as("strict location: only URLs under /new/")
                .containsExactly(site.url("/new/in"));
    }

    @Test
    void aWalkGoesOnFromItsHistoryFetchingNoVisitedSitemapAndKeepingTheSiteBounds() throws Exception {
        xml("/sitemap.xml", index(site.url("/a.xml"), site.url("/b.xml"), site.url("/c.xml")));
        xml("/a.xml", urlset(site.url("/a1")));
        xml("/b.xml", urlset(site.url("/b1"), site.url("/b2")));
        xml("/c.xml", urlset(site.url("/c1"), site.url("/c2")));
        // an earlier walk read the index and a.xml (1 URL), and had queued b.xml and c.xml
        WalkHistory history = new WalkHistory(java.util.Set.of(site.url("/sitemap.xml"), site.url("/a.xml")),
                List.of(new PendingSitemap(site.url("/b.xml"), 1, site.url("/sitemap.xml")),
                        new PendingSitemap(site.url("/c.xml"), 1, site.url("/sitemap.xml"))), 2, 1);
        SitemapLimits threeUrls = new SitemapLimits(1 << 20, 100, 2, 10, 3);
        List<List<PendingSitemap>> queued = new ArrayList<>();

        List<SitemapVisit> visits = SitemapDiscovery.forSite(site.url(""), List.of()).walk(new HttpSitemapFetcher(),
                new SitemapReader(threeUrls, SitemapParsing.DEFAULT), threeUrls, history, (visit, urls, children) -> {
                    found.addAll(urls);
                    queued.add(children);
                });

        assertThat(site.hits("/sitemap.xml") + site.hits("/a.xml")).isZero();
        assertThat(found).extracting(FoundUrl::url).containsExactly(site.url("/b1"), site.url("/b2"));
        assertThat(visits).extracting(SitemapVisit::url, SitemapVisit::fetched, SitemapVisit::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple(site.url("/b.xml"), true, null),
                org.assertj.core.groups.Tuple.tuple(site.url("/c.xml"), false,
                        "not fetched: 3 URLs were found for this site (the bound)"));
        assertThat(queued).allSatisfy(children -> assertThat(children).isEmpty());
    }

    @Test
    void theSinkHearsAnIndexsNewChildrenOnce() throws Exception {
        xml("/sitemap.xml", index(site.url("/a.xml"), site.url("/a.xml"), site.url("/sitemap.xml")));
        xml("/a.xml", urlset(site.url("/p")));
        List<List<PendingSitemap>> queued = new ArrayList<>();

        SitemapDiscovery.forSite(site.url(""), List.of()).walk(new HttpSitemapFetcher(),
                new SitemapReader(SitemapLimits.DEFAULT, SitemapParsing.DEFAULT), SitemapLimits.DEFAULT, WalkHistory.NONE,
                (visit, urls, children) -> queued.add(children));

        assertThat(queued).containsExactly(List.of(new PendingSitemap(site.url("/a.xml"), 1, site.url("/sitemap.xml"))),
                List.of());
    }

    @Test
    void rootsAreTheRobotsLinesInOrderThenTheDefaultLocationOnce() {
        SitemapDiscovery both = SitemapDiscovery.forSite("https://example.com",
                List.of("https://example.com/news.xml", "https://cdn.example.net/all.xml.gz", "https://example.com/news.xml"));
        SitemapDiscovery listed = SitemapDiscovery.forSite("http://example.com:8080/",
                List.of("http://example.com:8080/sitemap.xml"));

        assertThat(both.roots()).containsExactly("https://example.com/news.xml", "https://cdn.example.net/all.xml.gz",
                "https://example.com/sitemap.xml");
        assertThat(listed.roots()).containsExactly("http://example.com:8080/sitemap.xml");
    }
}
