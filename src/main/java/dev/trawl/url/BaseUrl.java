package dev.trawl.url;

/**
 * A canonical URL used as the base of relative references, with the offsets that resolution needs.
 *
 * @param source    the base as given, before normalising (the cache key)
 * @param url       canonical form, as {@link UrlNormalizer#normalize} returns it
 * @param scheme    "http" or "https"
 * @param originEnd index just after scheme://host[:port], where the path's '/' starts
 * @param dirEnd    index just after the path's last '/'
 * @param pathEnd   index of the '?' or the end of the URL
 */
record BaseUrl(String source, String url, String scheme, int originEnd, int dirEnd, int pathEnd) {

    /** Offsets of a canonical URL; null stays null. */
    static BaseUrl of(String source, String canonicalUrl) {
        if (canonicalUrl == null) {
            return null;
        }
        int colon = canonicalUrl.indexOf(':');
        int originEnd = canonicalUrl.indexOf('/', colon + 3);
        int query = canonicalUrl.indexOf('?', originEnd);
        int pathEnd = query < 0 ? canonicalUrl.length() : query;
        int dirEnd = canonicalUrl.lastIndexOf('/', pathEnd - 1) + 1;
        return new BaseUrl(source, canonicalUrl, colon == 5 ? "https" : "http", originEnd, dirEnd, pathEnd);
    }
}
