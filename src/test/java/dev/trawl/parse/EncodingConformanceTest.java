package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of the shared encoding conformance data through the sniffer and the parser. */
class EncodingConformanceTest {
    /** The JDK charset each expected WHATWG name must decode with (see EncodingTable for the supersets). */
    private static final Map<String, String> JAVA_CHARSET = Map.of(
            "utf-8", "UTF-8", "utf-16le", "UTF-16LE", "utf-16be", "UTF-16BE", "windows-1252", "windows-1252",
            "windows-1251", "windows-1251", "iso-8859-2", "ISO-8859-2", "shift_jis", "windows-31j",
            "gbk", "GBK", "euc-jp", "EUC-JP");

    private final PageParser parser = new PageParser(new UriLinkResolver());

    @TestFactory
    Stream<DynamicTest> precedenceCasesPickTheExpectedEncoding() throws IOException {
        List<JsonNode> cases = Conformance.cases("encoding/precedence.json");
        System.out.printf("encoding/precedence.json: %d run, 0 skipped%n", cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(
                c, Base64.getDecoder().decode(c.get("body_base64").asText()), Conformance.text(c, "content_type"))));
    }

    @TestFactory
    Stream<DynamicTest> html5libCasesPickTheExpectedEncoding() throws IOException {
        List<JsonNode> cases = Conformance.cases("encoding/html5lib-encoding.json");
        long skipped = cases.stream().filter(c -> c.has("note")).count();
        System.out.printf("encoding/html5lib-encoding.json: %d run, %d skipped (meta beyond the 1024-byte prescan"
                + " window; trawl does not re-decode when the tree builder meets a later meta)%n",
                cases.size() - skipped, skipped);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            Assumptions.assumeFalse(c.has("note"), () -> "skipped: " + Conformance.text(c, "note"));
            check(c, Base64.getDecoder().decode(c.get("data_base64").asText()), null);
        }));
    }

    private void check(JsonNode c, byte[] body, String contentType) {
        String expected = c.get("expected_encoding").asText();
        WebEncoding chosen = CharsetSniffer.sniff(body, body.length, contentType).encoding();
        String why = c.get("name").asText() + " (" + Conformance.text(c, "rule") + ")";
        assertThat(chosen.name()).as(why).isEqualToIgnoringCase(expected);
        String javaName = JAVA_CHARSET.get(expected.toLowerCase(Locale.ROOT));
        assertThat(javaName).as("test mapping for " + expected).isNotNull();
        assertThat(chosen.charset()).as(why).isEqualTo(Charset.forName(javaName));
        assertThat(parser.parse(body, body.length, contentType, "http://example.com/").charset())
                .as(why).isEqualToIgnoringCase(expected);
        ScanDiff.assertSameAsJsoup(body, body.length, contentType, "http://example.com/"); // fast path = jsoup
    }
}
