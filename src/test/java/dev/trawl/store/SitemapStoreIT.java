package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sitemap role of both stores: a visited sitemap's rows, its queue, and where each URL came from. */
class SitemapStoreIT {
    private static final String SITE = "https://a.example";
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant LASTMOD = Instant.parse("2024-05-06T07:08:09Z");

    @TempDir Path dir;
    @RegisterExtension final PostgresTestDatabase pg = PostgresTestDatabase.perTest();

    @Test
    void sqlite() throws Exception {
        String db = dir.resolve("sitemaps.db").toString();
        storesAWalkAndReadsItBack(db, () -> DriverManager.getConnection("jdbc:sqlite:" + db));
    }

    @Test
    void postgres() throws Exception {
        storesAWalkAndReadsItBack(pg.url(), pg::connection);
    }

    @FunctionalInterface
    private interface Connector {
        Connection connect() throws SQLException;
    }

    private static SitemapRow fetched(String url, int depth, String listedBy, int urls, int children, String problem) {
        return new SitemapRow(url, depth, listedBy, SitemapRow.State.FETCHED, urls, children, problem, AT);
    }

    private void storesAWalkAndReadsItBack(String target, Connector connector) throws Exception {
        try (PageStore store = Stores.open(target)) {
            store.addPending(List.of(new FrontierEntry(SITE + "/", 0)));
            // the index: two children queued
            store.writeSitemap(new SitemapRecord(SITE, fetched(SITE + "/sitemap.xml", 0, "default", 0, 2, null),
                    List.of(SitemapRow.queued(SITE + "/a.xml", 1, SITE + "/sitemap.xml"),
                            SitemapRow.queued(SITE + "/b.xml", 1, SITE + "/sitemap.xml")), List.of(), List.of()));
            // a.xml: two URLs new to the frontier, the seed known already; listed twice, the first sitemap is kept
            store.writeSitemap(new SitemapRecord(SITE, fetched(SITE + "/a.xml", 1, SITE + "/sitemap.xml", 3, 0, null),
                    List.of(SitemapRow.queued(SITE + "/sitemap.xml", 1, SITE + "/a.xml")),
                    List.of(new FrontierEntry(SITE + "/p1", 1), new FrontierEntry(SITE + "/p2?sid=9", 1)),
                    List.of(new SitemapRecord.Listed(SITE + "/p1", SITE + "/a.xml", LASTMOD),
                            new SitemapRecord.Listed(SITE + "/p2?sid=9", SITE + "/a.xml", null),
                            new SitemapRecord.Listed(SITE + "/", SITE + "/a.xml", LASTMOD))));
            store.writeSitemap(new SitemapRecord("https://b.example",
                    fetched(SITE + "/a.xml", 0, "robots.txt", 1, 0, "http 404"), List.of(), List.of(),
                    List.of(new SitemapRecord.Listed(SITE + "/p1", SITE + "/other.xml", null))));

            List<SitemapRow> rows = store.loadSitemaps(SITE);

            assertThat(rows).extracting(SitemapRow::url, SitemapRow::state).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(SITE + "/a.xml", SitemapRow.State.FETCHED),
                    org.assertj.core.groups.Tuple.tuple(SITE + "/b.xml", SitemapRow.State.QUEUED),
                    org.assertj.core.groups.Tuple.tuple(SITE + "/sitemap.xml", SitemapRow.State.FETCHED));
            assertThat(rows.getFirst()).isEqualTo(fetched(SITE + "/a.xml", 1, SITE + "/sitemap.xml", 3, 0, null));
            assertThat(rows.get(1).visitedAt()).isNull();
            assertThat(store.loadSitemaps("https://b.example")).singleElement()
                    .extracting(SitemapRow::problem).isEqualTo("http 404");
            assertThat(store.loadSitemaps("https://c.example")).isEmpty();
            assertThat(store.countPending()).as("the seed and the two new URLs").isEqualTo(3);
        }
        try (Connection c = connector.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT f.url, s.sitemap, s.lastmod FROM frontier f"
                     + " JOIN sitemap_urls s ON s.url_key = f.url_key ORDER BY f.url")) {
            StringBuilder listed = new StringBuilder();
            while (rs.next()) listed.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ')
                    .append(rs.getString(3)).append('\n');
            assertThat(listed.toString()).isEqualTo(SITE + "/ " + SITE + "/a.xml 2024-05-06T07:08:09.000Z\n"
                    + SITE + "/p1 " + SITE + "/a.xml 2024-05-06T07:08:09.000Z\n"
                    + SITE + "/p2?sid=9 " + SITE + "/a.xml null\n");
        }
    }
}
