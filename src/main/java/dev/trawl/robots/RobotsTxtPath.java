package dev.trawl.robots;

import java.net.URI;
import java.net.URISyntaxException;

/** Recognises the robots.txt URL itself, which RFC 9309 §2.2.2 always allows. */
final class RobotsTxtPath {
    private static final String PATH = "/robots.txt";

    private RobotsTxtPath() {}

    /** Whether the URL's path is exactly /robots.txt (no query). A URL that does not parse is not. */
    static boolean isRobotsTxt(String url) {
        if (!url.contains(PATH)) {
            return false; // cheap exit for nearly every URL: no parse needed
        }
        try {
            URI uri = new URI(url);
            return PATH.equals(uri.getRawPath()) && uri.getRawQuery() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
