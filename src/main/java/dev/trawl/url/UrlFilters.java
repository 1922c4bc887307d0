package dev.trawl.url;

import java.util.List;
import java.util.regex.Pattern;

/**
 * --include / --exclude: a URL passes when some include pattern is found in it (or there are no includes) and no
 * exclude pattern is. Patterns match anywhere ({@link java.util.regex.Matcher#find()}); anchor them with ^ and $
 * to match the whole URL. Immutable and thread-safe (a Pattern is; each call makes its own Matcher).
 */
public final class UrlFilters {
    private final List<Pattern> include;
    private final List<Pattern> exclude;

    public UrlFilters(List<Pattern> include, List<Pattern> exclude) {
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
    }

    /** {@code canonicalUrl}: as {@link UrlNormalizer} returns it. */
    public boolean accepts(String canonicalUrl) {
        return (include.isEmpty() || matchesAny(include, canonicalUrl)) && !matchesAny(exclude, canonicalUrl);
    }

    private static boolean matchesAny(List<Pattern> patterns, String url) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(url).find()) {
                return true;
            }
        }
        return false;
    }
}
