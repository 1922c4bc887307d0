package dev.trawl.url;

/**
 * Puts URLs in request form: the URL as the page wrote it, after only the normalizations that cannot change the
 * resource (RFC 3986 section 6.2.2 and the http(s) scheme rules). This is what trawl requests, stores and exports;
 * aggressive rules (merged slashes, sorted query, session ids) shape only the de-duplication key, {@link DedupKey}.
 * Thread-safe; its only state is a one-entry cache of the last base URL.
 *
 * <p>The request form of an http(s) URL: scheme and host lower-case, IDN hosts in punycode, IPv4 and IPv6 hosts in
 * standard notation, no default port, path "/" when empty, "." and ".." resolved, %-escapes of unreserved
 * characters decoded and the rest upper-case, unsafe and non-ASCII characters %-encoded as UTF-8, no fragment
 * (never sent), and no userinfo (a link's credentials are not the crawler's to send). Empty path segments and the
 * query's order, empty parameters and "?" stay as written. Parsing follows the WHATWG URL standard for the http(s)
 * subset, so links resolve as a browser resolves them ('\\' as '/', tab and newline ignored, "http:foo" relative to
 * an http base, ...). Anything else (mailto:, javascript:, ftp:, ...) and anything unparsable gives null; no input
 * throws.
 *
 * <p>It runs about 30 times per crawled page, so it is a hand-written single pass over the string: no regular
 * expressions, no java.net.URI.
 */
public final class UrlNormalizer {
    private final HostParser hosts;
    /**
     * The last base parsed: a page's links share one base, so this saves re-parsing it for each. An immutable
     * record published through a volatile field, so threads racing on it only cost each other a re-parse.
     */
    private volatile BaseUrl lastBase;

    public UrlNormalizer() {
        this(IdnMode.PUNYCODE);
    }

    /** A normaliser that writes hosts as {@code idn} says (other than punycode only for display and tests). */
    UrlNormalizer(IdnMode idn) {
        this.hosts = new HostParser(idn);
    }

    /** The request form of an absolute http(s) URL, or null when it is not a valid absolute http or https URL. */
    public String normalize(String absoluteUrl) {
        try {
            return normalizeOrThrow(absoluteUrl);
        } catch (RuntimeException e) {
            return null; // the contract is "never throws": a bug here must cost one link, not the crawl
        }
    }

    /**
     * Resolves an href as found in HTML (relative or absolute, maybe with surrounding whitespace) against an
     * absolute base URL and normalizes the result; null for non-http(s) schemes (mailto:, javascript:, tel:,
     * data:, ...) and for anything that cannot be parsed.
     */
    public String resolve(String base, String href) {
        try {
            return resolveOrThrow(base, href);
        } catch (RuntimeException e) {
            return null; // as in normalize
        }
    }

    /**
     * {@link #normalize} without its safety net: a bug shows as the exception it is. The tests' seam: through the
     * public methods, "never throws on bad input" could not fail.
     */
    String normalizeOrThrow(String absoluteUrl) {
        return absoluteUrl == null ? null : parse(UrlText.clean(absoluteUrl), null);
    }

    /** {@link #resolve} without its safety net, as {@link #normalizeOrThrow}. */
    String resolveOrThrow(String base, String href) {
        if (base == null || href == null) {
            return null;
        }
        BaseUrl parsedBase = base(base);
        return parsedBase == null ? null : parse(UrlText.clean(href), parsedBase);
    }

    private BaseUrl base(String base) {
        BaseUrl last = lastBase;
        if (last != null && last.source().equals(base)) {
            return last;
        }
        BaseUrl parsed = BaseUrl.of(base, normalizeOrThrow(base));
        if (parsed != null) {
            lastBase = parsed;
        }
        return parsed;
    }

    /** WHATWG's scheme state, for the http(s) subset; {@code base} may be null. */
    private String parse(String s, BaseUrl base) {
        int colon = UrlText.schemeEnd(s);
        if (colon < 0) {
            return base == null ? null : relative(s, 0, base);
        }
        String scheme = UrlText.httpScheme(s, colon);
        if (scheme == null) {
            return null;
        }
        if (base != null && scheme.equals(base.scheme())) {
            return relative(s, colon + 1, base); // "http:foo" is relative to an http base, as in browsers
        }
        return absolute(s, colon + 1, scheme);
    }

    /** A reference without a scheme of its own, or with the base's scheme, from index i on. */
    private String relative(String s, int i, BaseUrl base) {
        int n = s.length();
        if (i == n || s.charAt(i) == '#') {
            return base.url();
        }
        boolean slash = PathWriter.isSeparator(s.charAt(i));
        if (slash && i + 1 < n && PathWriter.isSeparator(s.charAt(i + 1))) {
            return absolute(s, i, base.scheme());
        }
        String b = base.url();
        StringBuilder out = new StringBuilder(b.length() + n - i + 16);
        out.append(b, 0, base.originEnd());
        if (s.charAt(i) == '?') {
            out.append(b, base.originEnd(), base.pathEnd());
            return withQuery(out, s, i);
        }
        PathWriter path = new PathWriter(out);
        if (!slash) {
            path.append(b, base.originEnd(), base.dirEnd());
        }
        int pathEnd = UrlText.pathEnd(s, i);
        path.append(s, i, pathEnd);
        return withQuery(out, s, pathEnd);
    }

    /** An authority (after any number of slashes, as browsers allow for http), then path and query. */
    private String absolute(String s, int i, String scheme) {
        int n = s.length();
        while (i < n && PathWriter.isSeparator(s.charAt(i))) {
            i++;
        }
        int end = UrlText.authorityEnd(s, i);
        int hostStart = s.lastIndexOf('@', end - 1) + 1; // credentials are dropped: they never identify a page
        hostStart = Math.max(hostStart, i);
        int hostEnd = UrlText.hostEnd(s, hostStart, end);
        String host = hosts.canonical(s, hostStart, hostEnd);
        int port = hostEnd < end ? UrlText.port(s, hostEnd + 1, end) : -1;
        if (host == null || port == UrlText.BAD_PORT) {
            return null;
        }
        StringBuilder out = new StringBuilder(n + 16);
        out.append(scheme).append("://").append(host);
        if (port >= 0 && port != (scheme.length() == 5 ? 443 : 80)) {
            out.append(':').append(port);
        }
        int pathEnd = UrlText.pathEnd(s, end);
        PathWriter path = new PathWriter(out);
        path.append(s, end, pathEnd);
        return withQuery(out, s, pathEnd);
    }

    /**
     * Appends the query that starts at i (if s[i] is '?') with its escapes normalised, in its order and with its empty
     * parameters, since a server may read either; the fragment after it is dropped.
     */
    private static String withQuery(StringBuilder out, String s, int i) {
        if (i < s.length() && s.charAt(i) == '?') {
            int hash = s.indexOf('#', i);
            out.append('?');
            PercentEncoding.append(out, s, i + 1, hash < 0 ? s.length() : hash,
                    PercentEncoding.QUERY_LO, PercentEncoding.QUERY_HI);
        }
        return out.toString();
    }
}
