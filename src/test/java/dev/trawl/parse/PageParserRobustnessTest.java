package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** parse() must return a page for any bytes and any header, never throw. */
class PageParserRobustnessTest {
    private static final String[] CONTENT_TYPES = {
        null, "", "text/html", "text/html; charset=utf-8", "text/html; charset=utf-16", "text/html; charset=bogus",
        "text/html; charset=shift_jis", "text/html; charset=euc-kr", "text/html; charset=\"gb18030\"",
        "text/html; charset=iso-2022-jp", "text/html; charset=utf-16be", ";charset=\"\\"
    };

    private final PageParser parser = new PageParser(new UriLinkResolver());

    @Test
    void emptyBodyGivesAnEmptyPage() {
        ParsedPage page = parser.parse(new byte[0], 0, null, "http://example.com/");
        assertThat(page.title()).isNull();
        assertThat(page.outlinks()).isEmpty();
        assertThat(page.charset()).isEqualTo("windows-1252");
    }

    @Test
    void toleratesNullBodyAndLengthsOutOfRange() {
        byte[] body = "<title>abc</title>".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parse(null, 10, null, "http://example.com/").outlinks()).isEmpty();
        assertThat(parser.parse(body, -5, null, "http://example.com/").title()).isNull();
        assertThat(parser.parse(body, 1000, null, "http://example.com/").title()).isEqualTo("abc");
        assertThat(parser.parse(body, 9, null, "http://example.com/").title()).isEqualTo("ab");
    }

    @Test
    void toleratesABadPageUrl() {
        byte[] body = "<a href=\"x\">x</a><a href=\"http://example.com/abs\">y</a>".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parse(body, body.length, null, null).outlinks()).containsExactly("http://example.com/abs");
        assertThat(parser.parse(body, body.length, null, "::not a url").outlinks())
                .containsExactly("http://example.com/abs");
    }

    @Test
    void aThrowingResolverCostsOnlyTheLink() {
        PageParser fragile = new PageParser((base, href) -> {
            if (href.contains("bad")) {
                throw new IllegalStateException("boom");
            }
            return "http://example.com/" + href;
        });
        byte[] body = "<a href=bad>1</a><a href=good>2</a>".getBytes(StandardCharsets.US_ASCII);
        assertThat(fragile.parse(body, body.length, null, "http://example.com/").outlinks())
                .containsExactly("http://example.com/good");
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(20260101);
        for (int i = 0; i < 1_000; i++) {
            byte[] body = new byte[random.nextInt(4_096)];
            random.nextBytes(body);
            ParsedPage page = parser.parse(body, body.length, CONTENT_TYPES[i % CONTENT_TYPES.length], "http://e.com/");
            assertThat(page.charset()).isNotBlank();
            ScanDiff.assertSameAsJsoup(body, body.length, CONTENT_TYPES[i % CONTENT_TYPES.length], "http://e.com/");
        }
    }

    @Test
    void mutatedHtmlNeverThrows() {
        byte[] seed = ("\uFEFF<!DOCTYPE html><html lang=en><head><meta charset=\"euc-kr\"><!-- c --><base href=/b/>"
                + "<title>T</title><meta http-equiv=content-type content='text/html;charset=sjis'></head><body>"
                + "<a href=\"x\">x</a><area href=y><iframe src=z></iframe><svg><title>s</title></svg></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            byte[] body = seed.clone();
            for (int m = random.nextInt(12); m >= 0; m--) {
                body[random.nextInt(body.length)] = (byte) "<>\"'=/!-& \u0000\u00ff".charAt(random.nextInt(12));
            }
            int length = random.nextInt(body.length + 1);
            ParsedPage page = parser.parse(body, length, CONTENT_TYPES[i % CONTENT_TYPES.length], "http://e.com/a/");
            assertThat(page.outlinks()).doesNotContainNull();
            ScanDiff.assertSameAsJsoup(body, length, CONTENT_TYPES[i % CONTENT_TYPES.length], "http://e.com/a/");
        }
    }
}
