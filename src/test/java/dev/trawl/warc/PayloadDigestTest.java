package dev.trawl.warc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadDigestTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void isTheBase32Sha1WarcUses() {
        // SHA-1("") = da39a3ee5e6b4b0d3255bfef95601890afd80709, in RFC 4648 base32:
        assertThat(PayloadDigest.ofEntity(new byte[0], 0)).isEqualTo("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
        // SHA-1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d
        assertThat(PayloadDigest.ofEntity(ascii("abcdef"), 3)).isEqualTo("sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
    }

    @Test
    void chunkFramingIsNotPayloadButContentCodingIs() {
        byte[] head = ascii("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n");
        byte[] body = ascii("3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n");
        assertThat(PayloadDigest.of(head, body, body.length)).isEqualTo(PayloadDigest.ofEntity(ascii("abcdef"), 6));
    }

    @Test
    void aChunkedBodyCutMidChunkDigestsWhatCameBeforeTheCut() {
        byte[] head = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        byte[] body = ascii("3\r\nabc\r\n10\r\ndef");
        String digest = PayloadDigest.of(head, body, body.length);
        assertThat(digest).startsWith("sha1:").hasSize(37);
        assertThat(digest).isIn(PayloadDigest.ofEntity(ascii("abc"), 3), PayloadDigest.ofEntity(ascii("abcdef"), 6));
    }

    @Test
    void aHeadJwarcCannotParseGetsTheDigestOfTheRawBody() {
        byte[] head = ascii("garbage\r\nTransfer-Encoding: chunked\r\n\r\n");
        byte[] body = ascii("not chunked at all");
        assertThat(PayloadDigest.of(head, body, body.length)).isEqualTo(PayloadDigest.ofEntity(body, body.length));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|true",
            "HTTP/1.1 200 OK\\r\\ntransfer-encoding:Chunked\\r\\n\\r\\n|true",
            "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: gzip\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|true",
            "HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\n|false",
            "HTTP/1.1 200 OK\\r\\nX-Transfer-Encoding: chunked\\r\\n\\r\\n|false",
    })
    void findsChunkedTransferCoding(String head, boolean chunked) {
        assertThat(PayloadDigest.isChunked(ascii(head.replace("\\r\\n", "\r\n")))).isEqualTo(chunked);
    }

    @Test
    void anExchangeRefusesATargetThatWouldBreakTheHeaderAndALengthPastItsArray() {
        byte[] head = ascii("HTTP/1.1 200 OK\r\n\r\n");
        assertThatThrownBy(() -> WarcExchange.complete("http://x/\r\nWARC-Type: forged", Instant.EPOCH, null, null, head, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> new WarcExchange("http://x/", Instant.EPOCH, null, null, head, new byte[3], 4, Truncation.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bodyLength 4 outside the body array of 3 bytes");
        assertThatThrownBy(() -> new Revisit("http://x/ y", Instant.EPOCH, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
