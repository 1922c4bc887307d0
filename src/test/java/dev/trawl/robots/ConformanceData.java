package dev.trawl.robots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads the shared robots.txt conformance files (see shared/conformance/robots/README.md). */
final class ConformanceData {
    /** Where surefire points us; the fallback is the same layout seen from the module directory. */
    private static final String PROPERTY = "trawl.conformance";
    private static final String FALLBACK = "../shared/conformance";

    private ConformanceData() {}

    static List<JsonNode> load(String fileName) {
        Path file = directory().resolve("robots").resolve(fileName);
        try {
            List<JsonNode> nodes = new ArrayList<>();
            new ObjectMapper().readTree(file.toFile()).forEach(nodes::add);
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read conformance file " + file.toAbsolutePath(), e);
        }
    }

    /** The exact bytes of a case's robots.txt: robots_txt_base64 when present, else robots_txt as UTF-8. */
    static byte[] robotsBytes(JsonNode node) {
        JsonNode base64 = node.get("robots_txt_base64");
        if (base64 != null) {
            return Base64.getDecoder().decode(base64.asText());
        }
        return node.path("robots_txt").asText().getBytes(StandardCharsets.UTF_8);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Path directory() {
        String configured = System.getProperty(PROPERTY);
        return Path.of(configured == null || configured.isBlank() ? FALLBACK : configured);
    }
}
