package dev.trawl.parse;

import java.util.List;

/**
 * What trawl extracts from one HTML page. Strings are null when the page has no such element.
 *
 * @param title       the first title, whitespace collapsed and trimmed
 * @param outlinks    absolute canonical http(s) URLs of links, deduplicated, in document order
 * @param description the meta description, whitespace collapsed
 * @param canonical   the link rel=canonical, resolved and canonicalized
 * @param language    the html lang attribute
 * @param charset     the name of the charset the body was decoded with
 * @param linksCut    links the page had past {@link PageLimits} (more than MAX_LINKS distinct hrefs, too long),
 *                    not in outlinks; 0 when all were kept
 * @param appShell    the page looks like the shell of a single-page app, whose content a script makes (the rule
 *                    of --render auto: {@link AppShell})
 */
public record ParsedPage(
        String title, List<String> outlinks, String description, String canonical, String language, String charset,
        int linksCut, boolean appShell) {
    public ParsedPage {
        outlinks = List.copyOf(outlinks);
    }

    /** A page that is not an app shell. */
    public ParsedPage(String title, List<String> outlinks, String description, String canonical, String language,
                      String charset, int linksCut) {
        this(title, outlinks, description, canonical, language, charset, linksCut, false);
    }

    /** What the page's values hold in memory, roughly (strings of one byte per character: URLs are ASCII). */
    public long estimatedBytes() {
        long bytes = 256 + 2L * (length(title) + length(description) + length(canonical));
        for (String link : outlinks) {
            bytes += 48 + link.length();
        }
        return bytes;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
