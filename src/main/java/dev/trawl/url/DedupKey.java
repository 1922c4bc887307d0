package dev.trawl.url;

/**
 * The de-duplication key of a URL: two URLs with the same key are one page to the crawl (the frontier's unique
 * key, the seen-set), while each is still requested as written ({@link UrlNormalizer}'s request form). On top of the
 * request form it applies the rules that usually, but not always, name the same resource, as crawler-commons'
 * BasicURLNormalizer does: runs of '/' in the path merged, the query's parameters sorted by name with empty ones
 * dropped and "name=" shortened to "name", and session ids dropped ({@link SessionParams}: query parameters, and
 * path parameters such as ";jsessionid=..."). Immutable and thread-safe; a key is never requested.
 */
public final class DedupKey {
    /** The crawl's key: every session parameter {@link SessionParams#DEFAULT} names is dropped. */
    public static final DedupKey DEFAULT = new DedupKey(SessionParams.DEFAULT);

    private final SessionParams session;
    private final QueryWriter queries;

    DedupKey(SessionParams session) {
        this.session = session;
        this.queries = new QueryWriter(session);
    }

    /** The key of a URL in request form, under {@link #DEFAULT}. */
    public static String of(String requestUrl) {
        return DEFAULT.key(requestUrl);
    }

    /** {@code requestUrl}: as {@link UrlNormalizer} returns it; anything else comes back unchanged. */
    public String key(String requestUrl) {
        int pathStart = requestUrl.indexOf('/', requestUrl.indexOf(':') + 3);
        if (pathStart < 0 || !requestUrl.contains("://")) return requestUrl;
        int query = requestUrl.indexOf('?', pathStart);
        int pathEnd = query < 0 ? requestUrl.length() : query;
        if (query < 0 && isPlainPath(requestUrl, pathStart, pathEnd)) return requestUrl;
        StringBuilder out = new StringBuilder(requestUrl.length());
        out.append(requestUrl, 0, pathStart);
        appendPath(out, requestUrl, pathStart, pathEnd);
        if (query >= 0) queries.append(out, requestUrl, query + 1, requestUrl.length());
        return out.toString();
    }

    /** No "//" and no path parameter: the path is its own key (the common case, no copy). */
    private static boolean isPlainPath(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ';' || (c == '/' && i + 1 < to && s.charAt(i + 1) == '/')) return false;
        }
        return true;
    }

    /** The path with runs of '/' merged and session path parameters (";jsessionid=...") dropped. */
    private void appendPath(StringBuilder out, String s, int from, int to) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '/' && out.charAt(out.length() - 1) == '/') {
                i++;
            } else if (c == ';' && isSessionParam(s, i + 1, to)) {
                i = paramEnd(s, i + 1, to);
            } else {
                out.append(c);
                i++;
            }
        }
    }

    private boolean isSessionParam(String s, int from, int to) {
        int end = from;
        while (end < to && s.charAt(end) != '=' && s.charAt(end) != ';' && s.charAt(end) != '/') end++;
        return end > from && session.matches(s, from, end);
    }

    /** Index of the ';' or '/' that ends the path parameter starting at from, or to. */
    private static int paramEnd(String s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) != ';' && s.charAt(i) != '/') i++;
        return i;
    }
}
