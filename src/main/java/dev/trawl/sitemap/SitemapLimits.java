package dev.trawl.sitemap;

/**
 * Bounds on what a site's sitemaps may make trawl do: sitemaps are outsider input, and a gzip file of 10 MB can
 * hold 10 GB of XML.
 *
 * @param maxBytes           one sitemap's bytes, after gzip decompression: a larger one is not read
 *                           ({@link SitemapContent.Unreadable}); it is held in memory once while it is parsed
 * @param maxUrlsPerSitemap  entries (URLs or child sitemaps) kept from one sitemap; the rest are dropped and the
 *                           sitemap's {@code problem} says how many
 * @param maxIndexDepth      index levels followed: a root sitemap is depth 0, the sitemaps its index lists depth 1,
 *                           ...; a child deeper than this is not fetched
 * @param maxSitemapsPerSite sitemaps fetched for one site in all (roots, children, grandchildren)
 * @param maxUrlsPerSite     URLs reported for one site in all; the walk stops fetching sitemaps past it
 */
public record SitemapLimits(int maxBytes, int maxUrlsPerSitemap, int maxIndexDepth, int maxSitemapsPerSite,
        int maxUrlsPerSite) {

    /**
     * The protocol's own bounds for one file (sitemaps.org: 50,000 URLs, 50 MiB uncompressed), index depth 2 (the
     * protocol allows 1; some sites nest one more level), 500 sitemaps and 1,000,000 URLs per site.
     */
    public static final SitemapLimits DEFAULT = new SitemapLimits(50 * 1024 * 1024, 50_000, 2, 500, 1_000_000);

    public SitemapLimits {
        if (maxBytes < 1 || maxUrlsPerSitemap < 1 || maxIndexDepth < 0 || maxSitemapsPerSite < 1 || maxUrlsPerSite < 1) {
            throw new IllegalArgumentException("sitemap limits must be positive (index depth may be 0): " + maxBytes
                    + " bytes, " + maxUrlsPerSitemap + " URLs, depth " + maxIndexDepth + ", " + maxSitemapsPerSite
                    + " sitemaps, " + maxUrlsPerSite + " URLs per site");
        }
    }
}
