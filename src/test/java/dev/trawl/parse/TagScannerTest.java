package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Examples for the tag scanner: edge cases it must read exactly as jsoup does (on the fast path), and the
 * constructs it leaves to jsoup (with the reason, and the page still right through the fallback).
 */
class TagScannerTest {
    private static final String PAGE = "http://example.com/dir/page.html";

    /** Pages the scanner must read itself and agree with jsoup on. */
    @ParameterizedTest
    @ValueSource(strings = {
        // comments, bogus comments, processing instructions, doctype
        "<a href=1><!--><a href=2><!---><a href=3><!----><a href=4><!-- -- --><a href=5>",
        "<!--x--!><a href=1><!--x--!-><a href=2>--><a href=3>",
        "<!-- <a href=in> --><a href=out>",
        "<a href=1><!-- unterminated <a href=2>",
        "<!x <a href=in>><a href=out>",
        "<?php echo '<a href=in>' ?><a href=out>",
        "<?xml version=\"1.0\"?><?xml-stylesheet href=s?><a href=out>",
        "</ x><a href=1></3 <a href=2>><a href=3></><a href=4>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\"><title>t</title>",
        "<!DOCTYPE><a href=1>", "<!doctype html <a href=in>><a href=out>",
        "<![CDATA[<a href=in>]]><a href=out>",
        // attributes
        "<a HREF=upper href=lower>", "<a href = \"spaced\" >", "<a href='single' href=\"dup\">",
        "<a href=unquoted\"quote'x>", "<a href=\"x\"href=y>", "<a href=>", "<a href>", "<a =x href=y>",
        "<a href=\"&amp;&lt;&#x41;&#65&notin;&notit;&amp=&ampx\">", "<a href=a&amp;b&amp=c&ampd>",
        "<a href=\"a\r\nb\tc\">", "<a\fhref=f>", "<a/href=slash>", "<a href=x/>", "<a 'q'=1 href=2>",
        "<a href=\"line\nbreak\">", "<a href=\"&#0;&#128;&#x110000;\">",
        // end of input
        "<a href=x", "<a href=\"x", "<a href='x", "<a href=x ", "<a", "<a ", "<a href=1><a href", "<", "</", "&",
        "<title>cut", "<title>cut</title", "<script>cut", "<textarea><a href=x>",
        // text elements
        "<title>Tom &amp; Jerry</title><title>second</title>",
        "<title>a<b>c</b></title>", "<title>a</titlex></title>", "<title>a</TITLE >b", "<title>a</title/>b",
        "<title>a</title foo='>'>b", "<title>&notin; &nbsp;x&#x20;y</title>", "<body><title>late</title>",
        "<script>var a = '<a href=in>'; if (a<b) {}</script><a href=out>",
        "<script>document.write('</scr' + 'ipt>')</script><a href=out>",
        "<style>a > b {}</style><a href=out>", "<xmp><a href=in></xmp><a href=out>",
        "<iframe src=f><a href=in></iframe><a href=out>", "<noembed><a href=in></noembed><a href=out>",
        "<noframes><a href=in></noframes><a href=out>", "<textarea><a href=in></textarea><a href=out>",
        "<plaintext><a href=in></plaintext><a href=also-in>",
        // noscript islands
        "<noscript><a href=in></noscript><a href=out>", "<head><noscript><link rel=canonical href=c></noscript>",
        "<noscript><noscript><a href=1></noscript><a href=2></noscript><a href=3>",
        "<noscript><title>in island</title></noscript><title>second</title>",
        "<noscript><iframe src=if></iframe></noscript>", "<noscript><a href=unclosed",
        // where elements are: head, body, after body
        "<body><base href=/late/><meta name=description content=d><link rel=canonical href=c>",
        "<a href=1></body></html><a href=2><title>after html</title>",
        "<p><a href=1>x</p><a href=2>", "<b><p><a href=1>x</b>y</p><a href=2>", "<a href=1><div><a href=2></div>",
        "<a href=1>1<a href=2>2<a href=1>3", "<frame src=stray><a href=after>",
        // the root's lang
        "<html lang=a><html lang=b>", "<p>x<html lang=late>", "<html><body><html LANG=upper lang=lower>",
        "<html lang=\" \">", "<html lang>", "<title>t</title>", "<html lang=x><HTML LaNg=y>",
        // tables read in order
        "<table><tr><td><a href=1></td><td><a href=2><table><tr><td><a href=3></table></td></tr></table><a href=4>",
        "<table><caption><a href=1></caption><tr><th><a href=2></table>",
        "<table> <tr> <td><title>in cell</title><a href=1> </table>",
        "<table><tr><td><a href=1></td></tr>text in a row<tr><td><a href=2></td></tr></table>",
        "<p><a href=1>x</p><table><tr><td><a href=2></td></tr>text<td><a href=3></table>",
        "<table><tbody><tr><td>1<td>2</tbody><tfoot><tr><td><a href=f></table>",
        "<table><colgroup><col></colgroup><tr><td><a href=1></table>",
        "<table><form><tr><td><a href=1></td></tr></form></table>",
        "<table><script>x</script><style>y</style><tr><td><a href=1></table>",
        "<table><form><input type=hidden name=x><input type=HIDDEN><tr><td><a href=1></table>",
        // select and forms (jsoup 1.24.1 parses select content in body mode)
        "<select><option><a href=1>x</a></select><a href=2>", "<select><a href=1><select><a href=2>",
        "<form><input type=hidden><a href=1></form>",
        // case and names
        "<A HREF=up>", "<AREA HREF=area>", "<IFRAME SRC=if></IFRAME>", "<TITLE>up</TITLE>",
        "<a\u00e9 href=not-a>", "<lin\u212a rel=canonical href=no>", "<a href=1 hr\u00e9f=2>",
        "<t\u0130tle>not a title</t\u0130tle>",
        // svg and math: an icon, links and metadata inside, breakouts, end tags, text elements that are markup there
        "<form><svg class=i viewBox='0 0 24 24'><path d='M15 14h-.79'/></svg><a href=after>",
        "<svg><title>icon</title><a href=s></svg><title>Real</title>", "<math><mi>x</mi></math><a href=m>",
        "<svg><a href=in-svg><circle r=1/></a><a xlink:href=x HREF=up></a></svg>",
        "<svg><style>.a{fill:red}<a href=in-style></style><iframe src=if><a href=i2></iframe></svg>",
        "<svg><textarea><a href=t></textarea><title><!-- c --></title></svg><a href=out>",
        "<svg><link rel=canonical href=c><base href=/b/><area href=ar><frame src=fr></svg><a href=rel>",
        "<svg><g><p>breakout<a href=1></svg><a href=2>", "<svg><g><div><a href=1>", "<svg><path></svg></g><a href=x>",
        "<svg><g></br><a href=1>", "<svg><g><g></g></svg><svg/><a href=2>", "<math><svg><title>text</title></svg><a href=9>",
        "<svg><script>if (a<b) {}</script><a href=s2></svg>", "<svg><script/><a href=in-script></script><a href=x>",
        "<math><script><a href=markup-in-math></script></math>", "<math><svg><script><a href=math-ns></script></svg></math>",
        "<svg><html lang=x><noscript><a href=n></noscript><plaintext><a href=p></plaintext></svg><a href=3>",
        "<table><tr><td><svg><td><a href=c></td></svg><a href=d></td></tr></table>", "<svg><g><a href=eof",
        "<svg></svg><![CDATA[ a bogus comment outside svg <a href=x> ]]><a href=y>",
        "<p><b><a href=1>x</p><svg><rect/></svg><a href=2>", "<svg><desc>text only</desc></svg><a href=after-desc>"
    })
    void readsEdgeCasesAsJsoupDoes(String html) {
        assertThat(TagScanner.bailReason(html)).as("scanner bails out on %s", html).isNull();
        assertThat(ScanDiff.check(html)).isTrue();
        assertSameParsedPage(html);
    }

    static Stream<Arguments> bailOuts() {
        return Stream.of(
                Arguments.of("<p>a\u0000b<a href=x>", JsoupFallback.NUL),
                Arguments.of("<a href=1>\uFFFF<a href=2>", JsoupFallback.U_FFFF),
                Arguments.of("<svg><desc><b>markup</b> in an integration point</desc></svg>", JsoupFallback.FOREIGN_CONTENT),
                Arguments.of("<math><mi><a href=m>x</a></mi></math>", JsoupFallback.FOREIGN_CONTENT),
                Arguments.of("<svg><title>t<g><p>x</svg>", JsoupFallback.FOREIGN_CONTENT),
                Arguments.of("<div><svg><g></div><a href=1>", JsoupFallback.FOREIGN_CONTENT),
                Arguments.of("<svg><![CDATA[ <a href=x> ]]></svg>", JsoupFallback.FOREIGN_CONTENT),
                Arguments.of("<svg><font color=red><a href=f></font></svg>", JsoupFallback.FOREIGN_CONTENT),
                Arguments.of("<noscript><svg><a href=n></svg></noscript>", JsoupFallback.FOREIGN_CONTENT),
                Arguments.of("<table><svg><a href=t></svg></table>", JsoupFallback.FOSTER_PARENTING),
                Arguments.of("<svg>" + "<g>".repeat(510) + "<a href=deep>", JsoupFallback.DEEP_NESTING),
                Arguments.of("<template><a href=t></template><a href=u>", JsoupFallback.TEMPLATE),
                Arguments.of("<frameset><frame src=nav.html></frameset>", JsoupFallback.FRAMESET),
                Arguments.of("<script><!--<script></script><a href=in></script><a href=out>", JsoupFallback.SCRIPT_ESCAPE),
                Arguments.of("<table><tr><td><a href=1></td></tr><a href=2></table>", JsoupFallback.FOSTER_PARENTING),
                Arguments.of("<table><title>t</title></table>", JsoupFallback.FOSTER_PARENTING),
                Arguments.of("<table><input TYPE=hidden><tr><td><a href=1></table>", JsoupFallback.FOSTER_PARENTING),
                Arguments.of("<table><input type=text type=hidden><tr><td>x</table>", JsoupFallback.FOSTER_PARENTING),
                Arguments.of("<table><tr><td><a href=1></th><a href=2></table>", JsoupFallback.MISMATCHED_CELL),
                Arguments.of("<table><tr><td>".repeat(33) + "<a href=deep>", JsoupFallback.DEEP_TABLES),
                Arguments.of("<div>".repeat(520) + "<table><col><td><a href=1>", JsoupFallback.DEEP_NESTING),
                Arguments.of("<noscript><frame src=f></noscript>", JsoupFallback.NOSCRIPT_ISLAND),
                Arguments.of("<noscript><html lang=x></noscript>", JsoupFallback.NOSCRIPT_ISLAND),
                Arguments.of("<a" + " x".repeat(600) + " href=h>", JsoupFallback.ATTRIBUTE_LIMIT));
    }

    /** Each construct the scanner leaves to jsoup does take the jsoup path, and the page is still jsoup's. */
    @ParameterizedTest
    @MethodSource("bailOuts")
    void leavesTreeBuilderConstructsToJsoup(String html, JsoupFallback reason) {
        assertThat(TagScanner.bailReason(html)).isEqualTo(reason);
        assertThat(TagScanner.scan(html)).isNull();
        assertThat(ScanDiff.check(html)).isFalse();
        assertSameParsedPage(html);
    }

    @Test
    void depthLimitCaseFromTheFuzzIsJsoups() {
        // jsoup prunes its stack at 512: the colgroup goes, and "in column group" then ignores the rest
        String html = "<t>".repeat(510) + "<table><col><td><a href>";
        assertThat(ScanDiff.jsoup(html).links()).isEmpty();
        assertThat(TagScanner.bailReason(html)).isEqualTo(JsoupFallback.DEEP_NESTING);
        assertSameParsedPage(html);
    }

    @Test
    void aStrayFrameIsNotALinkButAFramesetsFramesAre() {
        assertThat(TagScanner.scan("<frame src=f.html><a href=a.html>").linkHrefs).containsExactly("a.html");
        assertThat(parse("<frameset><frame src=f.html></frameset>").outlinks())
                .containsExactly("http://example.com/dir/f.html");
    }

    @Test
    void theFirstLangOfAnyHtmlTagIsTheRootsLang() {
        assertThat(TagScanner.scan("<p>x<html lang=late><html lang=later>").language).isEqualTo("late");
        assertThat(TagScanner.scan("<p>x</p>").language).isNull();
    }

    /** Pages shaped like the benchmark site's: none may leave the fast path, and all agree with jsoup. */
    @Test
    void benchmarkShapedPagesStayOnTheFastPath() {
        List<String> pages = GensitePages.load();
        for (String html : pages) {
            assertThat(TagScanner.bailReason(html)).as("bail-out on a benchmark page").isNull();
            assertThat(ScanDiff.check(html)).isTrue();
        }
        System.out.println("benchmark-shaped pages on the fast path: " + pages.size() + " of " + pages.size());
        assertThat(pages).hasSizeGreaterThanOrEqualTo(50);
    }

    /**
     * A UTF-8 page read from its bytes leaves the fast path for U+FFFF (EF BF BF) wherever it is, and for nothing
     * else that starts with EF: fullwidth forms (EF BC 81), U+FFFD (EF BF BD), an EF at the end.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\uFFFF<a href=1>", "<a href=1>x\uFFFF", "<a href=\"\uFF01\uFFFF\">",
        "\uFFFD\uFF01<p>\uFFFF", "<title>\uFFFF</title>", "\uFFFF"})
    void utf8BytesWithUFFFFGoToJsoup(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        assertThat(utf8BailReason(body)).isEqualTo(JsoupFallback.U_FFFF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>\uFF01\uFFFD\uFFFE\uFF5E<a href=1>", "<a href=\"\uFFFD\uFFFD\">", "<p>\u00EF\u00BF\u00BF as Latin-1 text",
        "<p>\uFFFD", "<p>\uFFBF"})
    void utf8BytesWithOtherEfSequencesStayOnTheFastPath(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        assertThat(utf8BailReason(body)).isNull();
    }

    @Test
    void utf8BytesEndingInAnEfLeadByteStayOnTheFastPath() {
        byte[] html = "<p>cut".getBytes(StandardCharsets.UTF_8);
        for (byte[] tail : List.of(new byte[] {(byte) 0xEF}, new byte[] {(byte) 0xEF, (byte) 0xBF})) {
            byte[] body = java.util.Arrays.copyOf(html, html.length + tail.length);
            System.arraycopy(tail, 0, body, html.length, tail.length);
            assertThat(utf8BailReason(body)).isNull();
        }
    }

    private static JsoupFallback utf8BailReason(byte[] body) {
        try {
            TagScanner.read(new Utf8View(body, 0), body.length);
            return null;
        } catch (TagScanner.Bailout e) {
            return e.reason;
        }
    }

    private static ParsedPage parse(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        return new PageParser(new UriLinkResolver()).parse(body, body.length, "text/html; charset=utf-8", PAGE);
    }

    /** The final page from the fast path (or its fallback) equals the page from jsoup alone. */
    static void assertSameParsedPage(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ScanDiff.assertSameAsJsoup(body, body.length, "text/html; charset=utf-8", PAGE);
    }
}
