package dev.trawl.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A links row's targets: a JSON array of URL strings, as the store writes it. */
final class LinkTargets {
    private static final JsonFactory JSON = new JsonFactory();

    private LinkTargets() {}

    /** The URLs in the array; whatever is not a string is skipped, and text that is no JSON array gives none. */
    static List<String> parse(String json) {
        List<String> urls = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) return urls;
            for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t == JsonToken.VALUE_STRING) urls.add(parser.getText());
                else parser.skipChildren();
            }
        } catch (IOException malformed) {
            // what was read so far stands
        }
        return urls;
    }

    /** The URL as it appears in such an array: a quoted JSON string. */
    static String quoted(String url) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(url)) + "\"";
    }
}
