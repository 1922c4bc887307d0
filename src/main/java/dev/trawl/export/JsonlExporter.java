package dev.trawl.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.trawl.store.ExportRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * JSON Lines: one UTF-8 object per line, each line ending in LF, fields in the documented order
 * ({@code url, final_url, status, depth, content_type, title, error, fetched_at, outlinks}). Absent values are
 * JSON null; non-ASCII text is written as UTF-8, not escaped, except for the characters a terminal would act on
 * (see {@link TerminalText}), which are {@code \}{@code uXXXX}-escaped, so the output is safe to print.
 */
final class JsonlExporter implements RowWriter {
    /** Always three fraction digits (2026-11-25T13:49:08.120Z), so every row has the same shape. */
    static final DateTimeFormatter FETCHED_AT = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private final JsonGenerator gen;

    JsonlExporter(OutputStream out) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                // Emoji as four UTF-8 bytes, not as a \uD83D\uDE00 escape pair: the file is UTF-8 for people too.
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        gen = factory.createGenerator(out, JsonEncoding.UTF8);
        // JSON escapes C0 itself; DEL, C1 and bidi controls too, so that the lines are safe on a terminal
        gen.setCharacterEscapes(TerminalText.jsonEscapes());
        // The line feed we write is the separator; Jackson's default would add a space before each object.
        gen.setRootValueSeparator(null);
    }

    @Override
    public void begin() {}

    @Override
    public void write(ExportRow row) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("url", row.url());
        gen.writeStringField("final_url", row.finalUrl());
        gen.writeFieldName("status");
        if (row.status() == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(row.status());
        }
        gen.writeNumberField("depth", row.depth());
        gen.writeStringField("content_type", row.contentType());
        gen.writeStringField("title", row.title());
        gen.writeStringField("error", row.error());
        gen.writeStringField("fetched_at", row.fetchedAt() == null ? null : FETCHED_AT.format(row.fetchedAt()));
        gen.writeFieldName("outlinks");
        // The store produced this array with a JSON generator, so it is valid JSON and can go out as is.
        gen.writeRawValue(row.outlinksJson());
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        gen.flush();
    }
}
