package dev.trawl.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.store.PageStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exports are opened in spreadsheets and printed on terminals: no cell may run as a formula (OWASP's CSV injection
 * rule) and no control character from a page may reach a terminal raw, in either format.
 */
class ExportSafetyTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "=1+1                      | \"'=1+1\"",
        "+41 22 000                | \"'+41 22 000\"",
        "-2+3                      | \"'-2+3\"",
        "@SUM(A1:A9)               | \"'@SUM(A1:A9)\"",
        "=HYPERLINK(\"http://x\")  | \"'=HYPERLINK(\"\"http://x\"\")\"",
        "`=1,2`                    | \"'=1,2\"",
        "a=b                       | a=b",
        "http://x.test/-@=         | http://x.test/-@=",
        "5 - 3                     | 5 - 3"})
    void cellsThatStartLikeAFormulaAreTurnedIntoText(String title, String cell) throws Exception {
        assertThat(csvRows(List.of(title)).get(1)).contains("," + cell + ",");
    }

    @Test
    void tabAndLineBreakStartsAreNeutralizedToo() throws Exception {
        List<String> rows = csvRows(List.of("\tcmd", "\rcmd", "\ncmd"));

        assertThat(rows.get(1)).contains(",\"'\tcmd\",");
        assertThat(String.join("\r\n", rows)).contains(",\"'\ncmd\",").doesNotContain("\r" + "cmd");
    }

    @Test
    void aFormulaInAResponseHeaderIsTurnedIntoTextAsWell() throws Exception {
        assertThat(csvRows(List.of("t")).get(1)).contains(",\"'=cmd|' /C calc'!A0\",");
    }

    @Test
    void csvWritesNoControlCharacterButLineBreaks() throws Exception {
        String csv = export(ExportFormat.CSV, List.of(ExportFixture.HOSTILE_TITLE, "line\r\nbreak\rlone"));

        assertNoUnsafeCharactersBut(csv, "\r\n");
        assertThat(csv).contains("\uFFFD]0;owned\uFFFD \uFFFD31m red \uFFFDgnp.exe\uFFFD\uFFFD end")
                .contains("\"line\nbreak\nlone\"");
    }

    @Test
    void jsonlEscapesEveryCharacterATerminalWouldActOnAndLosesNone() throws Exception {
        String jsonl = export(ExportFormat.JSONL, List.of(ExportFixture.HOSTILE_TITLE, "naïve 東京 😀"));

        assertNoUnsafeCharactersBut(jsonl, "\n");
        assertThat(jsonl).contains("\\u001B]0;owned\\u0007 \\u009b31m red \\u202egnp.exe\\b\\u007F end")
                .contains("naïve 東京 😀");
        var lines = jsonl.split("\n");
        var json = new ObjectMapper();
        assertThat(json.readTree(lines[0]).get("title").asText()).isEqualTo(ExportFixture.HOSTILE_TITLE);
        assertThat(json.readTree(lines[1]).get("title").asText()).isEqualTo("naïve 東京 😀");
    }

    /** Raw and shown, in pairs (not a CsvSource: it would trim the control characters at either end). */
    static Stream<Arguments> unsafeText() {
        return Stream.of(
                Arguments.of("plain text ü 東京", "plain text ü 東京"),
                Arguments.of("a\u001b[2Jb", "a\\x1b[2Jb"),
                Arguments.of("bell\u0007", "bell\\x07"),
                Arguments.of("cr\rlf\ntab\t", "cr\\x0dlf\\x0atab\\x09"),
                Arguments.of("c1\u009b31m", "c1\\x9b31m"),
                Arguments.of("del\u007f", "del\\x7f"),
                Arguments.of("rlo\u202eexe.txt", "rlo\\u202eexe.txt"),
                Arguments.of("isolate\u2066x\u2069", "isolate\\u2066x\\u2069"));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @MethodSource("unsafeText")
    void terminalTextShowsUnsafeCharactersAsVisibleEscapes(String raw, String shown) {
        assertThat(TerminalText.safe(raw)).isEqualTo(shown);
    }

    private static void assertNoUnsafeCharactersBut(String text, String allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (allowed.indexOf(c) < 0) {
                assertThat(TerminalText.isUnsafe(c)).as("U+%04X at %d in %s", (int) c, i, text).isFalse();
            }
        }
    }

    private List<String> csvRows(List<String> titles) throws Exception {
        return List.of(export(ExportFormat.CSV, titles).split("\r\n"));
    }

    private String export(ExportFormat format, List<String> titles) throws Exception {
        var out = new ByteArrayOutputStream();
        try (PageStore store = ExportFixture.storeWithTitles(dir, titles)) {
            Exports.write(store, format, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
