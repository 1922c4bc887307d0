package dev.trawl.url;

import java.util.List;
import java.util.regex.Pattern;

/** --include / --exclude: a URL passes when it matches some include (or there are none) and no exclude. STUB. */
public final class UrlFilters {
    public UrlFilters(List<Pattern> include, List<Pattern> exclude) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean accepts(String canonicalUrl) {
        throw new UnsupportedOperationException("stub");
    }
}
