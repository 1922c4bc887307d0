package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.testsite.WorstInputs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageLimitsTest {
    private static final String URL = "http://127.0.0.1:8080/dense/";
    private final PageParser parser = new PageParser(new UriLinkResolver());

    private ParsedPage parse(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, bytes.length, "text/html; charset=utf-8", URL);
    }

    @Test
    void aDensePageKeepsTheFirstLinksAndCountsTheCut() {
        byte[] page = WorstInputs.densePage("<title>dense</title>", WorstInputs.DENSE_LINKS);
        ParsedPage parsed = parser.parse(page, page.length, "text/html", URL);
        assertThat(parsed.outlinks()).hasSize(PageLimits.MAX_LINKS).startsWith(URL + "0000", URL + "0001");
        assertThat(parsed.linksCut()).isEqualTo(WorstInputs.DENSE_LINKS - PageLimits.MAX_LINKS);
    }

    @Test
    void repeatsOfKeptLinksAreNotCut() {
        String html = "<a href=a>a</a><a href=b>b</a>".repeat(PageLimits.MAX_LINKS);
        ParsedPage parsed = parse(html);
        assertThat(parsed.outlinks()).containsExactly(URL + "a", URL + "b");
        assertThat(parsed.linksCut()).isZero();
    }

    @Test
    void tooLongLinksAreDroppedAndCounted() {
        String longHref = "x".repeat(PageLimits.MAX_URL_CHARS);
        ParsedPage parsed = parse("<a href=" + longHref + ">x</a><a href=short>y</a>");
        assertThat(parsed.outlinks()).containsExactly(URL + "short");
        assertThat(parsed.linksCut()).isEqualTo(1);
    }

    @Test
    void storedTextFieldsAreCapped() {
        String huge = "word ".repeat(2_000_000);
        ParsedPage parsed = parse("<html lang=\"" + "x".repeat(1000) + "\"><title>" + huge
                + "</title><meta name=description content=\"" + huge + "\">");
        assertThat(parsed.title()).hasSizeLessThanOrEqualTo(PageLimits.MAX_TITLE_CHARS).startsWith("word word");
        assertThat(parsed.description()).hasSize(PageLimits.MAX_DESCRIPTION_CHARS).startsWith("word word");
        assertThat(parsed.language()).hasSize(PageLimits.MAX_LANGUAGE_CHARS);
    }

    @Test
    void aCapNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        String title = Whitespace.collapse("a" + emoji.repeat(PageLimits.MAX_TITLE_CHARS), PageLimits.MAX_TITLE_CHARS);
        assertThat(title).hasSize(PageLimits.MAX_TITLE_CHARS - 1);
        assertThat(Character.isHighSurrogate(title.charAt(title.length() - 1))).isFalse();
    }

    /** Past MAX_DOM_CHARS a page that needs jsoup goes through its StreamParser; the values are the DOM's. */
    @Test
    void theStreamParserGivesWhatTheDomGivesOnAHugePage() {
        StringBuilder html = new StringBuilder("<html lang=en><head><title>big &amp; foreign</title>"
                + "<base href=\"http://other.example/b/\"><meta name=description content=\"d\">"
                + "<link rel=canonical href=/c></head><body><svg><a href=svg-link>s</a></svg>");
        for (int i = 0; html.length() <= PageLimits.MAX_DOM_CHARS; i++) {
            html.append("<div><p><a href=\"p").append(i).append("\">x</a><iframe src=f").append(i).append("></iframe></div>");
        }
        String page = html.toString();
        DocumentScan dom = DocumentScan.of(org.jsoup.Jsoup.parse(page, ""));
        DocumentScan stream = PageParser.jsoup(page);
        assertThat(stream.title).isEqualTo(dom.title).isEqualTo("big & foreign");
        assertThat(stream.baseHref).isEqualTo(dom.baseHref);
        assertThat(stream.description).isEqualTo(dom.description);
        assertThat(stream.canonicalHref).isEqualTo(dom.canonicalHref);
        assertThat(stream.language).isEqualTo(dom.language).isEqualTo("en");
        assertThat(stream.linkHrefs).isEqualTo(dom.linkHrefs).hasSize(PageLimits.MAX_LINKS);
        assertThat(stream.hrefsCut).isEqualTo(dom.hrefsCut).isPositive();
    }
}
