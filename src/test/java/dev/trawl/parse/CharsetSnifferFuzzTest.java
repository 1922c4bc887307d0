package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of charset detection (Jazzer), the first thing that reads a hostile body. A normal test
 * run replays the inputs stored under src/test/resources/dev/trawl/parse/CharsetSnifferFuzzTestInputs/;
 * `JAZZER_FUZZ=1 mvn test -Dtest=CharsetSnifferFuzzTest` fuzzes. Whatever the bytes and the header, sniffing never
 * throws, reads nothing past the body's length nor past the 1024 bytes the WHATWG prescan looks at, lets a known
 * header charset win over the body (after a byte order mark), never lets a {@code <meta>} choose UTF-16 (WHATWG
 * prescan: UTF-16 there means UTF-8), and gives an encoding that decodes the body.
 */
class CharsetSnifferFuzzTest {
    private static final int PRESCAN = 1024;

    @FuzzTest(maxDuration = "60s")
    void anyBodySniffsToAnEncodingByTheWhatwgOrder(FuzzedDataProvider data) {
        String contentType = data.pickValue(new String[] {"text/html", "text/html; charset=utf-8",
                "text/html; charset=\"Shift_JIS\"", "text/html;charset=x-unknown", "text/html; charset=utf-16", null});
        byte[] body = data.consumeRemainingAsBytes();
        int length = body.length;
        // bytes past the length given are not the body's: garbage there must change nothing
        byte[] padded = Arrays.copyOf(body, length + 64);
        Arrays.fill(padded, length, padded.length, (byte) '<');

        CharsetSniffer.Sniffed sniffed = CharsetSniffer.sniff(padded, length, contentType);

        assertThat(sniffed.encoding()).isNotNull();
        assertThat(sniffed.bomLength()).isIn(0, 2, 3).isLessThanOrEqualTo(length);
        assertThat(CharsetSniffer.sniff(body, length, contentType)).as("past the length").isEqualTo(sniffed);
        int head = Math.min(length, PRESCAN);
        assertThat(CharsetSniffer.sniff(Arrays.copyOf(body, head), head, contentType))
                .as("only the first %d bytes decide", PRESCAN).isEqualTo(sniffed);
        WebEncoding fromHeader = EncodingLabels.lookup(ContentTypeCharset.label(contentType));
        if (sniffed.bomLength() == 0 && fromHeader != null) {
            assertThat(sniffed.encoding()).as("the header's charset").isEqualTo(fromHeader);
        }
        if (sniffed.bomLength() == 0 && fromHeader == null) {
            assertThat(sniffed.encoding().isUtf16()).as("a <meta> never chooses UTF-16").isFalse();
        }
        assertThat(new String(body, sniffed.bomLength(), length - sniffed.bomLength(), sniffed.encoding().charset()))
                .isNotNull();
    }
}
