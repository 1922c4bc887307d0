package dev.trawl.export;

import dev.trawl.extract.ExtractedFields;
import dev.trawl.store.ExportRow;
import dev.trawl.store.PageColumns;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV per RFC 4180: UTF-8 without a byte order mark, a header row, CRLF after every record (as the RFC
 * specifies), and a field quoted, with its quotes doubled, when it holds a comma, quote or line break. The columns
 * are the JSONL fields minus outlinks, with the extracted fields as a column each (see {@link #columnOf}); null
 * becomes an empty field. Cells are safe to open in a spreadsheet and to
 * print on a terminal: one that starts like a formula gets a leading apostrophe (OWASP), line breaks are LF, and
 * other control characters become U+FFFD.
 */
final class CsvExporter implements RowWriter {
    private static final String EOL = "\r\n";

    private final Writer out;
    /** The extracted fields' names: a column each, where the JSONL object has its fields value. */
    private final List<String> fieldNames;

    CsvExporter(OutputStream out, List<String> fieldNames) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.fieldNames = List.copyOf(fieldNames);
    }

    @Override
    public void begin() throws IOException {
        List<String> header = new ArrayList<>();
        for (PageColumns.Field field : PageColumns.EXPORTED) {
            switch (field.kind()) {
                case JSON_LINKS -> {}
                case JSON_FIELDS -> fieldNames.forEach(name -> header.add(columnOf(name)));
                case TEXT, INTEGER, BOOLEAN, TIME -> header.add(field.name());
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (i > 0) out.write(',');
            field(header.get(i));
        }
        out.write(EOL);
    }

    /**
     * An extracted field's column: its name, or "fields.NAME" when the name is one of the fixed columns' (a rule may
     * call a field "title"; the page's title keeps its column).
     */
    static String columnOf(String fieldName) {
        boolean taken = PageColumns.EXPORTED.stream().anyMatch(f -> f.name().equals(fieldName));
        return taken ? "fields." + fieldName : fieldName;
    }

    @Override
    public void write(ExportRow row) throws IOException {
        boolean first = true;
        for (int i = 0; i < PageColumns.EXPORTED.size(); i++) {
            PageColumns.Field field = PageColumns.EXPORTED.get(i);
            Object value = row.value(i);
            switch (field.kind()) {
                case JSON_LINKS -> {}
                case JSON_FIELDS -> {
                    ExtractedFields fields = value == null ? ExtractedFields.NONE : ExtractedFields.fromJson((String) value);
                    for (String name : fieldNames) {
                        if (!first) out.write(',');
                        first = false;
                        field(fields.values().containsKey(name) ? fields.csvCell(name) : null);
                    }
                }
                case TEXT, INTEGER, BOOLEAN, TIME -> {
                    if (!first) out.write(',');
                    first = false;
                    field(value == null ? null : value.toString());
                }
            }
        }
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
