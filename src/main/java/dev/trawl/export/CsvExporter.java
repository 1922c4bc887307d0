package dev.trawl.export;

import dev.trawl.store.ExportRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * CSV per RFC 4180: UTF-8 without a byte order mark, a header row, CRLF after every record (as the RFC
 * specifies), and a field quoted, with its quotes doubled, when it holds a comma, quote or line break. The columns
 * are the JSONL fields minus outlinks; null becomes an empty field. Cells are safe to open in a spreadsheet and to
 * print on a terminal: one that starts like a formula gets a leading apostrophe (OWASP), line breaks are LF, and
 * other control characters become U+FFFD.
 */
final class CsvExporter implements RowWriter {
    private static final String HEADER = "url,final_url,status,depth,content_type,title,error,fetched_at";
    private static final String EOL = "\r\n";

    private final Writer out;

    CsvExporter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void begin() throws IOException {
        out.write(HEADER);
        out.write(EOL);
    }

    @Override
    public void write(ExportRow row) throws IOException {
        field(row.url());
        out.write(',');
        field(row.finalUrl());
        out.write(',');
        field(row.status() == null ? null : row.status().toString());
        out.write(',');
        field(Integer.toString(row.depth()));
        out.write(',');
        field(row.contentType());
        out.write(',');
        field(row.title());
        out.write(',');
        field(row.error());
        out.write(',');
        field(row.fetchedAt() == null ? null : JsonlExporter.FETCHED_AT.format(row.fetchedAt()));
        out.write(EOL);
    }

    private void field(String value) throws IOException {
        if (value == null) {
            return;
        }
        String cell = clean(value);
        boolean formula = startsLikeAFormula(cell);
        if (!formula && !needsQuotes(cell)) {
            out.write(cell);
            return;
        }
        out.write('"');
        if (formula) out.write('\'');
        out.write(cell.replace("\"", "\"\""));
        out.write('"');
    }

    /**
     * OWASP's rule against CSV injection: a spreadsheet evaluates a cell that starts with one of these as a
     * formula (a page title "=HYPERLINK(...)", a Content-Type "@SUM(...)"), so such a cell gets a leading
     * apostrophe, which makes it text, and quotes.
     */
    static boolean startsLikeAFormula(String cell) {
        if (cell.isEmpty()) return false;
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\n';
    }

    /**
     * Line breaks become LF (a lone CR would let the next text overwrite the line on a terminal) and every other
     * control character becomes U+FFFD: CSV has no escapes, and ESC or BEL written raw act on the terminal that
     * shows the file. TAB stays.
     */
    static String clean(String value) {
        int i = 0;
        while (i < value.length() && isPlain(value.charAt(i))) i++;
        if (i == value.length()) return value;
        var out = new StringBuilder(value.length()).append(value, 0, i);
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < value.length() && value.charAt(i + 1) == '\n') i++;
            } else {
                out.append(isPlain(c) || c == '\n' ? c : '\uFFFD');
            }
        }
        return out.toString();
    }

    private static boolean isPlain(char c) {
        return c == '\t' || !TerminalText.isUnsafe(c);
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
