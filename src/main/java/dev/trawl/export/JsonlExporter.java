package dev.trawl.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.trawl.store.ExportRow;
import dev.trawl.store.PageColumns;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON Lines: one UTF-8 object per line, each line ending in LF, fields in the documented order
 * ({@link PageColumns#EXPORTED}: {@code url, final_url, status, depth, content_type, title, error, fetched_at, digest,
 * outlinks, fields}). Absent values are
 * JSON null; non-ASCII text is written as UTF-8, not escaped, except for the characters a terminal would act on
 * (see {@link TerminalText}), which are {@code \}{@code uXXXX}-escaped, so the output is safe to print.
 */
final class JsonlExporter implements RowWriter {
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
        for (int i = 0; i < PageColumns.EXPORTED.size(); i++) {
            PageColumns.Field field = PageColumns.EXPORTED.get(i);
            Object value = row.value(i);
            gen.writeFieldName(field.name());
            if (value == null) {
                gen.writeNull();
                continue;
            }
            switch (field.kind()) {
                case INTEGER -> gen.writeNumber((Integer) value);
                case BOOLEAN -> gen.writeBoolean((Boolean) value);
                // stored as ISO-8601 UTC with three fraction digits (store.Timestamps), the documented form
                case TEXT, TIME -> gen.writeString((String) value);
                // The store wrote these with a JSON generator, so they are valid JSON and can go out as they are.
                case JSON_LINKS, JSON_FIELDS -> gen.writeRawValue((String) value);
            }
        }
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        gen.flush();
    }
}
