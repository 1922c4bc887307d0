package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real pages in legacy encodings, declared once by the HTTP header and once by a meta element. */
class PageParserDecodingTest {
    private final PageParser parser = new PageParser(new UriLinkResolver());

    /** parse(), after checking that the fast path gives jsoup's page for this body. */
    private ParsedPage parse(byte[] body, String contentType) {
        ScanDiff.assertSameAsJsoup(body, body.length, contentType, "http://example.com/");
        return parser.parse(body, body.length, contentType, "http://example.com/");
    }

    @ParameterizedTest(name = "{0} as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            EUC-KR      | 한국어 웹 페이지         | EUC-KR
            Shift_JIS   | 日本語のページ「東京」    | Shift_JIS
            ISO-8859-1  | Café crème à Noël       | windows-1252
            windows-1252| “Quoted” café — ok      | windows-1252
            GBK         | 中文网页                 | GBK
            windows-1251| Привет мир              | windows-1251
            """)
    void decodesTitlesDeclaredByHeaderOrMeta(String javaCharset, String title, String expectedEncoding) {
        Charset charset = Charset.forName(javaCharset);
        String label = javaCharset.toLowerCase(java.util.Locale.ROOT);
        byte[] plain = ("<html><head><title>" + title + "</title></head><body><p>" + title + "</p></body></html>")
                .getBytes(charset);
        ParsedPage byHeader = parse(plain, "text/html; charset=" + label);
        assertThat(byHeader.title()).isEqualTo(title);
        assertThat(byHeader.charset()).isEqualTo(expectedEncoding);

        byte[] withMeta = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + label
                + "\"><title>" + title + "</title></head></html>").getBytes(charset);
        ParsedPage byMeta = parse(withMeta, "text/html");
        assertThat(byMeta.title()).isEqualTo(title);
        assertThat(byMeta.charset()).isEqualTo(expectedEncoding);

        byte[] withMetaCharset = ("<meta charset='" + label + "'><title>" + title + "</title>").getBytes(charset);
        assertThat(parse(withMetaCharset, null).title())
                .isEqualTo(title);
    }

    @ParameterizedTest
    @CsvSource({"UTF-8, 3", "UTF-16LE, 2", "UTF-16BE, 2"})
    void skipsTheByteOrderMark(String encoding, int bomLength) {
        byte[] text = "\uFEFF<title>Ünïcödé</title>".getBytes(Charset.forName(encoding));
        assertThat(text.length).isGreaterThan(bomLength);
        ParsedPage page = parse(text, "text/html; charset=iso-8859-2");
        assertThat(page.title()).isEqualTo("Ünïcödé");
        assertThat(page.charset()).isEqualTo(encoding);
    }

    @ParameterizedTest
    @CsvSource({"text/html; charset=x-no-such-encoding", "text/html; charset=", "text/html; charset=\"",
            "text/html; charset=utf\u00008", "text/html; charset=\u00e9\u00e9", ";;;=;charset", "charset=utf-8"})
    void ignoresUnusableHeaderLabels(String contentType) {
        byte[] body = "<title>caf\u00e9</title>".getBytes(StandardCharsets.ISO_8859_1);
        ParsedPage page = parse(body, contentType);
        assertThat(page.charset()).isEqualTo("windows-1252");
        assertThat(page.title()).isEqualTo("caf\u00e9");
    }
}
