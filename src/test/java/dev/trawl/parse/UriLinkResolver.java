package dev.trawl.parse;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A test stand-in for the UrlNormalizer: java.net.URI resolution, fragment dropped, http(s) with a host only.
 * Remembers the last base it parsed, because a page resolves all its links against one base. Not thread-safe.
 */
final class UriLinkResolver implements LinkResolver {
    private String lastBase;
    private URI lastBaseUri;

    @Override
    public String resolve(String base, String href) {
        try {
            URI link = new URI(Whitespace.strip(href));
            URI resolved = link.isAbsolute() ? link : baseUri(base).resolve(link);
            String scheme = resolved.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || resolved.getHost() == null) {
                return null;
            }
            String url = resolved.toString();
            int hash = url.indexOf('#');
            return hash < 0 ? url : url.substring(0, hash);
        } catch (URISyntaxException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private URI baseUri(String base) throws URISyntaxException {
        if (!base.equals(lastBase)) {
            lastBaseUri = new URI(base);
            lastBase = base;
        }
        return lastBaseUri;
    }
}
