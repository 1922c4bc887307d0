package dev.trawl.sitemap;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How strictly sitemaps are read (crawler-commons' SiteMapParser settings).
 *
 * @param strictLocation  keep only URLs under the sitemap's own directory (sitemaps.org "location" rule); off by
 *                        default: a sitemap found through robots.txt may list the whole site, and the crawl's scope
 *                        and filters still decide what is followed
 * @param allowPartial    keep the entries read before an XML error (the sitemap's {@code problem} names the error)
 * @param strictNamespace refuse XML whose namespace is not the sitemaps.org one
 * @param allowDoctype    accept a DOCTYPE (entities are never resolved either way; without this a DOCTYPE is an error)
 * @param urlFilter       applied to each URL as written; returns the URL to keep, or null to drop it (e.g. a
 *                        normalizer that gives {@code www.example.com/} its scheme)
 */
public record SitemapParsing(boolean strictLocation, boolean allowPartial, boolean strictNamespace,
        boolean allowDoctype, UnaryOperator<String> urlFilter) {

    /** Lenient location, partial results kept, any namespace, no DOCTYPE, URLs as written. */
    public static final SitemapParsing DEFAULT = new SitemapParsing(false, true, false, false, UnaryOperator.identity());

    public SitemapParsing {
        Objects.requireNonNull(urlFilter, "urlFilter");
    }
}
