package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jsoup.Jsoup;

/** The differential check: the tag scanner against jsoup's DOM, on one decoded page. */
final class ScanDiff {
    private ScanDiff() {}

    /**
     * What a {@link ParsedPage} is made from. Links are deduplicated in order of first occurrence, as the page's
     * outlinks are: jsoup's DOM holds extra copies of an a element that the adoption agency recreated, after the
     * original, which the outlinks drop anyway.
     */
    record Values(String title, String baseHref, String description, String canonicalHref, String language,
            List<String> links) {
        static Values of(DocumentScan scan) {
            return new Values(scan.title, scan.baseHref, scan.description, scan.canonicalHref, scan.language,
                    new ArrayList<>(new LinkedHashSet<>(scan.linkHrefs)));
        }
    }

    static Values jsoup(String html) {
        return Values.of(DocumentScan.of(Jsoup.parse(html, "")));
    }

    /**
     * Asserts that when the scanner takes the page it gives jsoup's values. Returns whether it took the page (false:
     * it bailed out, and the page goes to jsoup, which is trivially right).
     */
    static boolean check(String html) {
        DocumentScan fast;
        try {
            fast = TagScanner.scan(html);
        } catch (RuntimeException e) {
            throw new AssertionError("scanner threw on " + show(html) + ", smallest such page: " + show(shrink(html)), e);
        }
        DocumentScan viaBytes = scanUtf8(html);
        if (viaBytes != null) {
            // the scanner reading the page's UTF-8 bytes (Utf8View) must give what it gives on the decoded page
            String decoded = new String(html.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertThat(Values.of(viaBytes)).as("scanner on the UTF-8 bytes of %s", show(html)).isEqualTo(jsoup(decoded));
        }
        if (fast == null) {
            return false;
        }
        Values expected = jsoup(html);
        if (!Values.of(fast).equals(expected)) {
            String small = shrink(html);
            assertThat(Values.of(fast)).as("scanner vs jsoup on %s%nsmallest differing page: %s%n  jsoup:   %s%n"
                    + "  scanner: %s", show(html), show(small), jsoup(small), Values.of(TagScanner.scan(small)))
                    .isEqualTo(expected);
        }
        return true;
    }

    /** The scan of html from its UTF-8 bytes, as PageParser reads a UTF-8 page; null when the scanner bails out. */
    static DocumentScan scanUtf8(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        try {
            return TagScanner.read(new Utf8View(bytes, 0), bytes.length);
        } catch (TagScanner.Bailout e) {
            return null;
        }
    }

    /** Whether the scanner takes the page and differs from jsoup on it, or throws. */
    private static boolean differs(String html) {
        try {
            DocumentScan fast = TagScanner.scan(html);
            return fast != null && !Values.of(fast).equals(jsoup(html));
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * A smallest page that still differs (or throws), found by removing ever smaller pieces of the page while it
     * does: the shrinking a property-test library would do, so a failure reads as a few characters, not a page.
     */
    static String shrink(String html) {
        String page = html;
        int piece = Math.max(1, page.length() / 2);
        while (true) {
            boolean removed = false;
            for (int i = 0; i + piece <= page.length(); ) {
                String smaller = page.substring(0, i) + page.substring(i + piece);
                if (differs(smaller)) {
                    page = smaller;
                    removed = true;
                } else {
                    i += piece;
                }
            }
            if (!removed) {
                if (piece == 1) {
                    return page;
                }
                piece = Math.max(1, piece / 2);
            }
        }
    }

    /**
     * Asserts the whole parse agrees: the page from PageParser (tag scanner, or jsoup where it bails out) equals
     * the page from jsoup alone, and the scanner agrees with jsoup on the decoded text. Returns whether the scanner
     * took the page.
     */
    static boolean assertSameAsJsoup(byte[] body, int length, String contentType, String pageUrl) {
        ParsedPage fast = new PageParser(new UriLinkResolver()).parse(body, length, contentType, pageUrl);
        ParsedPage reference = new PageParser(new UriLinkResolver(), false, ParseListener.NONE).parse(body, length, contentType, pageUrl);
        byte[] bytes = body == null ? new byte[0] : java.util.Arrays.copyOf(body, Math.clamp(length, 0, body.length));
        String html = decode(bytes, contentType);
        assertThat(fast).as("parsed page of %s", show(html)).isEqualTo(reference);
        // PageParser.parse catches everything (a bad page must stay a row), so "never throws" and "as jsoup would"
        // are checked against jsoup called directly: an exception inside, caught there, shows here as a failure
        Values direct = jsoup(html);
        assertThat(reference.title()).as("title of %s", show(html)).isEqualTo(direct.title());
        assertThat(reference.description()).as("description of %s", show(html)).isEqualTo(direct.description());
        return check(html);
    }

    /** Decodes a body as PageParser does, for the byte-level tests. */
    static String decode(byte[] body, String contentType) {
        CharsetSniffer.Sniffed sniffed = CharsetSniffer.sniff(body, body.length, contentType);
        return new String(body, sniffed.bomLength(), body.length - sniffed.bomLength(), sniffed.encoding().charset());
    }

    /** The page for a failure message: control characters visible, the middle of a long page left out. */
    static String show(String html) {
        if (html.length() > 1_200) {
            return escape(html.substring(0, 500)) + " ...(" + (html.length() - 1_000) + " characters)... "
                    + escape(html.substring(html.length() - 500));
        }
        return escape(html);
    }

    private static String escape(String html) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\uFFFF') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
