package dev.trawl.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One sitemap a crawl visited (--sitemaps), with what it gave: written in one transaction with the frontier rows of
 * the URLs it listed, so that a crawl that stops loses at most the sitemap it was reading, never half of one.
 *
 * @param site     the origin ("http://host:port") whose walk this is: a sitemap's rows are per site
 * @param sitemap  the sitemap's own row: read, or not fetched (a bound); never {@link SitemapRow.State#QUEUED}
 * @param children the sitemaps an index listed that its walk will read later: stored queued, unless known
 * @param frontier the listed URLs admitted to the frontier (pending unless known)
 * @param listed   where each listed URL in scope came from, admitted now or known before: the first sitemap to
 *                 list a URL is kept
 */
public record SitemapRecord(String site, SitemapRow sitemap, List<SitemapRow> children, List<FrontierEntry> frontier,
        List<Listed> listed) {
    public SitemapRecord {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(sitemap, "sitemap");
        children = List.copyOf(children);
        frontier = List.copyOf(frontier);
        listed = List.copyOf(listed);
    }

    /** A URL (request form) a sitemap listed, and the {@code <lastmod>} it gave (null: none). */
    public record Listed(String url, String sitemap, Instant lastModified) {
        public Listed {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(sitemap, "sitemap");
        }
    }

    /** What the write queue counts against its byte bound: the strings, roughly. */
    long estimatedBytes() {
        long bytes = 256;
        for (FrontierEntry e : frontier) bytes += 64 + 2L * e.url().length();
        for (Listed l : listed) bytes += 96 + 2L * (l.url().length() + l.sitemap().length());
        for (SitemapRow c : children) bytes += 96 + 2L * c.url().length();
        return bytes;
    }
}
