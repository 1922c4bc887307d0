package dev.trawl.url;

import java.util.Collection;

/** Decides whether a canonical URL is in a crawl's scope. Immutable, thread-safe. STUB. */
public final class ScopeRule {
    public ScopeRule(Scope scope, Collection<String> canonicalSeedUrls) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isInScope(String canonicalUrl) {
        throw new UnsupportedOperationException("stub");
    }
}
