package dev.trawl.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads one fetched sitemap with crawler-commons' {@link SiteMapParser}: XML sitemaps and indexes, text, RSS and
 * Atom, gzip-compressed or not (decided by the bytes, not by the name or the Content-Type, since a client may have
 * decoded a {@code Content-Encoding: gzip} already). Decompression is done here, bounded by
 * {@link SitemapLimits#maxBytes()}: crawler-commons' own would inflate a gzip bomb without limit.
 *
 * <p>Thread-safe: the crawl-commons parsers it holds keep no state between calls (each parse makes its own SAX
 * parser). Never throws on bad input: every failure is a {@link SitemapContent.Unreadable} with a one-line reason.
 */
public final class SitemapReader {
    private final SitemapLimits limits;
    private final SitemapParsing parsing;
    private final SiteMapParser whole;
    private final SiteMapParser partial;

    public SitemapReader(SitemapLimits limits, SitemapParsing parsing) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.parsing = Objects.requireNonNull(parsing, "parsing");
        this.whole = parser(parsing, false);
        this.partial = parser(parsing, true);
    }

    private static SiteMapParser parser(SitemapParsing parsing, boolean allowPartial) {
        SiteMapParser parser = new SiteMapParser(parsing.strictLocation(), allowPartial);
        parser.setStrictNamespace(parsing.strictNamespace());
        parser.setAllowDocTypeDefinitions(parsing.allowDoctype());
        parser.setURLFilter(parsing.urlFilter()::apply);
        return parser;
    }

    /**
     * Reads body, fetched from sitemapUrl (the URL that answered, after redirects: strict location is checked
     * against it). contentType is the Content-Type header or null; a wrong one is tolerated where the bytes say
     * what they are.
     */
    public SitemapContent read(String sitemapUrl, String contentType, byte[] body) {
        Objects.requireNonNull(sitemapUrl, "sitemapUrl");
        Objects.requireNonNull(body, "body");
        URL url;
        try {
            url = new URI(sitemapUrl).toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            return new SitemapContent.Unreadable(sitemapUrl, "not a URL a sitemap can be read from");
        }
        if (body.length > limits.maxBytes()) {
            return new SitemapContent.Unreadable(sitemapUrl, "larger than " + limits.maxBytes() + " bytes");
        }
        byte[] data = body;
        String type = mediaType(contentType);
        if (BoundedGunzip.isGzip(body)) {
            BoundedGunzip.Result inflated = BoundedGunzip.inflate(body, limits.maxBytes());
            if (inflated.problem() != null) {
                return new SitemapContent.Unreadable(sitemapUrl, inflated.problem());
            }
            data = inflated.bytes();
            type = null; // the Content-Type named the wrapper; the bytes inside say what they are
        } else if (type != null && type.contains("gzip")) {
            type = null; // labelled gzip, but already decoded on the way
        }
        return parse(sitemapUrl, url, type, data);
    }

    private SitemapContent parse(String sitemapUrl, URL url, String type, byte[] data) {
        try {
            return content(sitemapUrl, parse(whole, url, type, data), null);
        } catch (UnknownFormatException e) {
            String reason = Reasons.of(e);
            if (parsing.allowPartial() && e.getCause() instanceof SAXException) {
                try {
                    return content(sitemapUrl, parse(partial, url, type, data), reason);
                } catch (UnknownFormatException | IOException | RuntimeException again) {
                    return new SitemapContent.Unreadable(sitemapUrl, reason);
                }
            }
            return new SitemapContent.Unreadable(sitemapUrl, reason);
        } catch (IOException | RuntimeException e) {
            // crawler-commons is not known to throw anything else on bad input; a bad sitemap stays one line
            return new SitemapContent.Unreadable(sitemapUrl, Reasons.of(e));
        }
    }

    private static AbstractSiteMap parse(SiteMapParser parser, URL url, String type, byte[] data)
            throws UnknownFormatException, IOException {
        return type == null ? parser.parseSiteMap(data, url) : parser.parseSiteMap(type, data, url);
    }

    private SitemapContent content(String sitemapUrl, AbstractSiteMap parsed, String xmlError) {
        List<SitemapUrl> entries = new ArrayList<>();
        int total;
        if (parsed instanceof SiteMapIndex index) {
            total = index.getSitemaps().size();
            for (AbstractSiteMap child : index.getSitemaps()) {
                if (child != null && child.getUrl() != null && entries.size() < limits.maxUrlsPerSitemap()) {
                    entries.add(new SitemapUrl(child.getUrl().toExternalForm(), instant(child.getLastModified())));
                }
            }
        } else {
            SiteMap sitemap = (SiteMap) parsed;
            total = sitemap.getSiteMapUrls().size();
            for (SiteMapURL entry : sitemap.getSiteMapUrls()) {
                if (entry != null && entry.getUrl() != null && entries.size() < limits.maxUrlsPerSitemap()) {
                    entries.add(new SitemapUrl(entry.getUrl().toExternalForm(), instant(entry.getLastModified())));
                }
            }
        }
        String problem = problem(xmlError, entries.size(), total);
        return parsed.isIndex()
                ? new SitemapContent.Index(sitemapUrl, entries, problem)
                : new SitemapContent.Urls(sitemapUrl, entries, problem);
    }

    private String problem(String xmlError, int kept, int total) {
        String cut = total > kept ? "kept the first " + kept + " of " + total + " entries (the bound)" : null;
        if (xmlError == null) {
            return cut;
        }
        String partial = xmlError + "; kept the " + kept + " entries read before it";
        return cut == null ? partial : partial + "; " + cut;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** "text/xml; charset=utf-8" to "text/xml"; null for a missing or empty header. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    /** One-line reasons from crawler-commons' exceptions; a SAX error gives its line and column. */
    static final class Reasons {
        private Reasons() {}

        static String of(Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SAXParseException sax) {
                    return "not valid XML at line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ": "
                            + oneLine(sax.getMessage());
                }
            }
            return oneLine(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }

        static String oneLine(String message) {
            String flat = message == null ? "no detail" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
            return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
        }
    }
}
