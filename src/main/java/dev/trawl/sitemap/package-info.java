/**
 * Sitemaps (issue 11, {@code --sitemaps}): which sitemaps a site has, and the page URLs (with lastmod) they list.
 *
 * <p>Entry points: {@link dev.trawl.sitemap.SitemapDiscovery#forSite} (the roots: robots.txt {@code Sitemap:}
 * lines, then {@code /sitemap.xml}) and its {@code walk}, which fetches through a {@link dev.trawl.sitemap.SitemapFetcher}
 * the crawl supplies (so sitemap requests share its politeness, robots.txt, deadline and body limits) and gives each
 * {@link dev.trawl.sitemap.FoundUrl} to a sink with the sitemap it came from; {@link dev.trawl.sitemap.SitemapReader}
 * reads one fetched sitemap on its own.
 *
 * <p>Design: parsing is crawler-commons' {@code SiteMapParser} (XML, index, text, RSS, Atom; XXE-safe, no DOCTYPE
 * by default); trawl adds what a crawl needs around it. Gzip is recognised by its bytes and inflated here with a
 * bound, since the library's own inflation has none (a gzip bomb). Every count an outsider controls is bounded
 * ({@link dev.trawl.sitemap.SitemapLimits}: bytes, entries per sitemap, index depth, sitemaps and URLs per site) and
 * each cut is said in the {@link dev.trawl.sitemap.SitemapVisit} of that sitemap. A walk is breadth first, one fetch
 * at a time on the caller's thread, each sitemap URL once (an index listing itself is no loop). Bad input is never
 * an exception: a sitemap that cannot be read is a visit with a one-line reason. The shared/conformance/sitemaps
 * cases pass.
 *
 * <p>No nulls unless documented.
 */
package dev.trawl.sitemap;
