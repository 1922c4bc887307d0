package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The WHATWG label table and the Content-Type charset parameter. */
class CharsetLabelTest {
    @ParameterizedTest
    @CsvSource({
        "ISO-8859-1, windows-1252", "latin1, windows-1252", "us-ascii, windows-1252", "ascii, windows-1252",
        "' Windows-1252\t', windows-1252", "x-user-defined, windows-1252", "gb2312, GBK", "GB_2312-80, GBK",
        "shift_jis, Shift_JIS", "sjis, Shift_JIS", "ms932, Shift_JIS", "euc-kr, EUC-KR", "ks_c_5601-1987, EUC-KR",
        "utf8, UTF-8", "unicode-1-1-utf-8, UTF-8", "utf-16, UTF-16LE", "unicodefffe, UTF-16BE",
        "iso8859-2, ISO-8859-2", "latin2, ISO-8859-2", "iso-8859-9, windows-1254", "tis-620, windows-874",
        "koi8-r, KOI8-R", "cp1251, windows-1251", "big5, Big5", "euc-jp, EUC-JP", "iso-2022-jp, ISO-2022-JP",
        "gb18030, gb18030", "mac, macintosh", "iso-8859-8-i, ISO-8859-8-I", "iso-8859-15, ISO-8859-15"
    })
    void mapsLabelsToWhatwgEncodings(String label, String expected) {
        assertThat(EncodingLabels.lookup(label)).isNotNull().extracting(WebEncoding::name).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bogus", "utf-7", "iso-2022-kr", "replacement", "utf 8", "x-no-such-encoding"})
    void unknownOrUnusableLabelsGiveNull(String label) {
        assertThat(EncodingLabels.lookup(label)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            text/html; charset=utf-8                  | utf-8
            text/html;charset=UTF-8                   | UTF-8
            text/html; Charset="windows-1251"         | windows-1251
            text/html; CHARSET = utf-8                | NULL
            text/html; charset="a\\"b"; x=1           | a"b
            text/html; charset="utf-8" junk; a=b      | utf-8
            text/html; format=flowed; charset=koi8-r  | koi8-r
            text/html; charset=ascii; charset=utf-8   | ascii
            text/html; charset=;charset=utf-8         | utf-8
            text/html; charset= utf-8                 | ' utf-8'
            text/html; charset=utf-8  ;               | utf-8
            text/html                                 | NULL
            NULL                                      | NULL
            text/html; charset                        | NULL
            """)
    void readsTheCharsetParameter(String contentType, String expected) {
        assertThat(ContentTypeCharset.label(contentType)).isEqualTo(expected);
    }
}
