package dev.trawl.url;

import crawlercommons.domains.EffectiveTldFinder;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a canonical URL is in a crawl's scope. Immutable, thread-safe.
 *
 * <ul>
 *   <li>{@link Scope#HOST}: the URL's host equals a seed's host. Ports are ignored, as Scrapy's allowed_domains
 *       does: a site that links from :80 to :8080 is usually still the same site.
 *   <li>{@link Scope#DOMAIN}: the URL's registrable domain (public suffix list, private suffixes included, so
 *       "a.github.io" and "b.github.io" are different sites) equals a seed's. IP addresses and single-label hosts
 *       such as localhost are compared as whole hosts.
 *   <li>{@link Scope#ANY}: every URL.
 * </ul>
 */
public final class ScopeRule {
    private final Scope scope;
    /** Seed hosts for HOST, seed registrable domains for DOMAIN. */
    private final Set<String> keys;

    /** {@code canonicalSeedUrls}: seeds as {@link UrlNormalizer} returns them. */
    public ScopeRule(Scope scope, Collection<String> canonicalSeedUrls) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.keys = canonicalSeedUrls.stream()
                .map(Urls::host)
                .map(host -> scope == Scope.DOMAIN ? registrableDomain(host) : host)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code canonicalUrl}: as {@link UrlNormalizer} returns it. */
    public boolean isInScope(String canonicalUrl) {
        return switch (scope) {
            case ANY -> true;
            case HOST -> keys.contains(Urls.host(canonicalUrl));
            case DOMAIN -> isInSeedDomain(Urls.host(canonicalUrl));
        };
    }

    /**
     * Walks up the host's parent names to a seed domain before asking the public suffix list, which costs about
     * a microsecond: most out-of-scope hosts never get that far.
     */
    private boolean isInSeedDomain(String host) {
        if (keys.contains(host)) {
            return true;
        }
        if (isWholeHost(host)) {
            return false;
        }
        for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            String parent = host.substring(dot + 1);
            if (keys.contains(parent)) {
                return parent.equals(registrableDomain(host)); // a suffix rule below the seed's domain splits it
            }
        }
        return false;
    }

    static String registrableDomain(String host) {
        if (isWholeHost(host)) {
            return host;
        }
        String domain = EffectiveTldFinder.getAssignedDomain(host, false, false);
        return domain == null ? host : domain;
    }

    /** IP literals and single-label names have no public suffix to strip. */
    private static boolean isWholeHost(String host) {
        return host.startsWith("[") || host.indexOf('.') < 0 || Ipv4.endsInNumber(host);
    }
}
