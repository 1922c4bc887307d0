package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sniffing choices the conformance data does not pin down, and trawl's own decisions. */
class CharsetSnifferTest {
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            text/html; charset=utf-16 | <p>x                                          | UTF-16LE
            NULL                      | <meta charset=iso-2022-kr><p>x                | windows-1252
            NULL                      | <meta charset=iso-2022-kr><meta charset=koi8-r> | KOI8-R
            NULL                      | <META HTTP-EQUIV=Content-Type CONTENT='text/html;charset=euc-kr'> | EUC-KR
            NULL                      | <script>var s = '<meta charset=utf-8>';</script> | UTF-8
            NULL                      | <!--> <meta charset=koi8-r> -->                | KOI8-R
            NULL                      | <meta/charset=gbk>                             | GBK
            NULL                      | <meta charset=utf-8                           | windows-1252
            NULL                      | <p title='<meta charset=utf-8>'>                | windows-1252
            """)
    void choosesTheEncoding(String contentType, String body, String expected) {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        assertThat(CharsetSniffer.sniff(bytes, bytes.length, contentType).encoding().name()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1003, KOI8-R", "1004, windows-1252"}) // the meta is 21 bytes: it must end by byte 1024
    void prescansOnlyTheFirst1024Bytes(int padding, String expected) {
        byte[] bytes = (" ".repeat(padding - 1) + "\n<meta charset=koi8-r>").getBytes(StandardCharsets.US_ASCII);
        assertThat(CharsetSniffer.sniff(bytes, bytes.length, null).encoding().name()).isEqualTo(expected);
    }
}
