package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageParserTest {
    private static final String PAGE = "http://example.com/dir/page.html";

    private final PageParser parser = new PageParser(new UriLinkResolver());

    private ParsedPage parse(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ScanDiff.assertSameAsJsoup(body, body.length, "text/html; charset=utf-8", PAGE); // the fast path is jsoup's
        return parser.parse(body, body.length, "text/html; charset=utf-8", PAGE);
    }

    @Test
    void extractsTitleDescriptionCanonicalLanguageAndCharset() {
        ParsedPage page = parse("""
                <!DOCTYPE html><html lang="de-CH"><head><title>Hello</title>
                <meta name="Description" content="  about
                   things ">
                <link rel="alternate canonical" href="/canon?x=1#frag"></head><body></body></html>""");
        assertThat(page.title()).isEqualTo("Hello");
        assertThat(page.description()).isEqualTo("about things");
        assertThat(page.canonical()).isEqualTo("http://example.com/canon?x=1");
        assertThat(page.language()).isEqualTo("de-CH");
        assertThat(page.charset()).isEqualTo("UTF-8");
    }

    @Test
    void absentElementsGiveNulls() {
        ParsedPage page = parse("<p>just text</p>");
        assertThat(page.title()).isNull();
        assertThat(page.description()).isNull();
        assertThat(page.canonical()).isNull();
        assertThat(page.language()).isNull();
        assertThat(page.outlinks()).isEmpty();
    }

    @Test
    void collapsesWhitespaceInTitlesAndTakesTheFirstOne() {
        ParsedPage page = parse("<title>\n  Tom &amp;\t\tJerry \r\n  Show </title><title>second</title>");
        assertThat(page.title()).isEqualTo("Tom & Jerry Show");
    }

    @Test
    void keepsNoBreakSpaceInTitlesBecauseItIsNotAsciiWhitespace() {
        assertThat(parse("<title>a&nbsp;b</title>").title()).isEqualTo("a\u00a0b");
    }

    @Test
    void findsTitleOutsideTheHeadButNotAnSvgTitle() {
        assertThat(parse("<body><svg><title>icon</title></svg><title>Real</title></body>").title()).isEqualTo("Real");
    }

    @Test
    void collectsLinksFromAnchorsAreasAndIframesInDocumentOrder() {
        ParsedPage page = parse("""
                <a href="b.html">b</a><map><area href="/area"></map>
                <iframe src="//cdn.example.org/frame"></iframe><a href="../up.html">up</a><a>no href</a>""");
        assertThat(page.outlinks()).containsExactly(
                "http://example.com/dir/b.html", "http://example.com/area", "http://cdn.example.org/frame",
                "http://example.com/up.html");
    }

    @Test
    void collectsFrameSourcesOfAFrameset() {
        ParsedPage page = parse("<html><head></head><frameset><frame src=\"nav.html\"><frame src=\"main.html\">"
                + "</frameset></html>");
        assertThat(page.outlinks()).containsExactly("http://example.com/dir/nav.html", "http://example.com/dir/main.html");
    }

    @Test
    void dropsFragmentsAndRemovesDuplicates() {
        ParsedPage page = parse("<a href=\"x.html#one\">1</a><a href=\"x.html#two\">2</a><a href=\"#top\">top</a>"
                + "<a href=\"/dir/x.html\">3</a><a href=\"other.html\">4</a><a href=\"x.html\">5</a>");
        assertThat(page.outlinks()).containsExactly(
                "http://example.com/dir/x.html", PAGE, "http://example.com/dir/other.html");
    }

    @Test
    void dropsNonHttpLinks() {
        ParsedPage page = parse("""
                <a href="mailto:a@example.com">m</a><a href="javascript:void(0)">j</a><a href="tel:+123">t</a>
                <a href="data:text/html,hi">d</a><a href="ftp://example.com/f">f</a><a href="https://example.com/s">s</a>""");
        assertThat(page.outlinks()).containsExactly("https://example.com/s");
    }

    @Test
    void resolvesAgainstBaseHrefEvenWhenTheBaseComesAfterTheLinks() {
        ParsedPage page = parse("<a href=\"a.html\">a</a><base href=\"/other/\"><base href=\"http://ignored.example/\">"
                + "<link rel=canonical href=\"c.html\"><a href=\"b.html\">b</a>");
        assertThat(page.outlinks()).containsExactly("http://example.com/other/a.html", "http://example.com/other/b.html");
        assertThat(page.canonical()).isEqualTo("http://example.com/other/c.html");
    }

    @Test
    void usesThePageUrlWhenBaseHrefIsNotHttp() {
        ParsedPage page = parse("<base href=\"javascript:alert(1)\"><a href=\"a.html\">a</a>");
        assertThat(page.outlinks()).containsExactly("http://example.com/dir/a.html");
    }

    @Test
    void usesTheFirstBaseThatHasAnHref() {
        ParsedPage page = parse("<base target=\"_blank\"><base href=\"http://cdn.example.net/x/\"><a href=\"a\">a</a>");
        assertThat(page.outlinks()).containsExactly("http://cdn.example.net/x/a");
    }

    @Test
    void survivesMalformedHtml() {
        ParsedPage page = parse("<html<head><title>Broken < title</title><body><div><p><a href=\"/one\">one<a href="
                + "'/two'>two</div></span></table><a href=/three>x< y <<<>>> <a href=\"/four");
        assertThat(page.title()).isEqualTo("Broken < title");
        assertThat(page.outlinks()).contains(
                "http://example.com/one", "http://example.com/two", "http://example.com/three");
    }

    @Test
    void findsLinksInsideUnclosedTagsAndNoscript() {
        ParsedPage page = parse("<ul><li><a href=\"/a\">a<li><a href=\"/b\">b</ul><noscript><a href=\"/c\">c</a></noscript>");
        assertThat(page.outlinks()).containsExactly(
                "http://example.com/a", "http://example.com/b", "http://example.com/c");
    }

    @Test
    void blankLangIsNull() {
        assertThat(parse("<html lang=\" \"><title>t</title>").language()).isNull();
    }

    @Test
    void theUrlNormalizerConstructorRejectsNull() {
        org.assertj.core.api.Assertions.assertThatNullPointerException()
                .isThrownBy(() -> new PageParser((dev.trawl.url.UrlNormalizer) null));
    }

    /** The scanner's reasons and the counters' reasons are one list: a new bail-out is counted by its own name. */
    @Test
    void everyFallbackHasADistinctCode() {
        List<String> codes = new ArrayList<>();
        for (JsoupFallback reason : JsoupFallback.values()) codes.add(reason.code());
        assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z_]+"));
    }

    @Test
    void theParserTellsItsListenerWhichReaderReadEachPage() {
        List<String> heard = new ArrayList<>();
        ParseListener listener = new ParseListener() {
            @Override
            public void scanned() {
                heard.add("scanner");
            }

            @Override
            public void fellBack(JsoupFallback reason) {
                heard.add(reason.code());
            }
        };
        PageParser parser = new PageParser(new UriLinkResolver(), true, listener);
        for (String page : List.of("<title>a</title><a href=b>", "<template><a href=t></template>",
                "<table><tr><td>x</td></tr><a href=2></table>")) {
            byte[] body = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            parser.parse(body, body.length, "text/html", "http://a.test/");
        }
        assertThat(heard).containsExactly("scanner", "template", "foster_parenting");
    }
}
