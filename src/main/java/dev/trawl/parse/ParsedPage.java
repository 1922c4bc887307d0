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
 */
public record ParsedPage(
        String title, List<String> outlinks, String description, String canonical, String language, String charset) {
    public ParsedPage {
        outlinks = List.copyOf(outlinks);
    }
}
