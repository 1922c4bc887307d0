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
 * specifies), and a field quoted, with its quotes doubled, when it holds a comma, quote, CR or LF. The columns
 * are the JSONL fields minus outlinks; null becomes an empty field.
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
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
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
