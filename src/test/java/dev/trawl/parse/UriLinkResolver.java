package dev.trawl.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A test stand-in for the UrlNormalizer: java.net.URI resolution, fragment dropped, http(s) only. */
final class UriLinkResolver implements LinkResolver {
    @Override
    public String resolve(String base, String href) {
        try {
            URI resolved = new URI(base).resolve(new URI(Whitespace.strip(href)));
            String scheme = resolved.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || resolved.getHost() == null) {
                return null;
            }
            return new URI(scheme.toLowerCase(Locale.ROOT), resolved.getRawAuthority(), resolved.getRawPath(),
                    resolved.getRawQuery(), null).toString();
        } catch (URISyntaxException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
