package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutlinksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Outlinks outlinks = new Outlinks();

    private static List<String> read(String json) throws Exception {
        return JSON.readValue(json, new TypeReference<List<String>>() {});
    }

    @Test
    void writesAPlainJsonArray() {
        assertThat(outlinks.encode(List.of())).isEqualTo("[]");
        assertThat(outlinks.encode(List.of("https://a.example/", "https://b.example/x?q=1")))
                .isEqualTo("[\"https://a.example/\",\"https://b.example/x?q=1\"]");
    }

    @Test
    void escapesWhatJsonRequires() throws Exception {
        List<String> odd = List.of("http://a/\"q\"", "http://a/back\\slash", "http://a/\t\n\u0000\u001f", "http://a/é€😀");
        assertThat(outlinks.encode(odd)).contains("\\\"q\\\"", "back\\\\slash", "\\u0009\\u000a\\u0000\\u001f");
        assertThat(read(outlinks.encode(odd))).isEqualTo(odd);
    }

    /** Any strings at all, not just URLs, read back as they were (checked by Jackson, the JSON reader of record). */
    @Test
    void randomStringsReadBackUnchanged() throws Exception {
        var random = new Random(7);
        String alphabet = "ab/:?#%=&\"\\\t\n\r\u0000\u0001\u001f\u007f é€\uD83D\uDE00";
        for (int round = 0; round < 2_000; round++) {
            List<String> urls = new ArrayList<>();
            for (int n = random.nextInt(5); n > 0; n--) {
                var s = new StringBuilder();
                for (int len = random.nextInt(12); len > 0; len--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                urls.add(s.toString());
            }
            assertThat(read(outlinks.encode(urls))).as("round %d", round).isEqualTo(urls);
        }
    }
}
