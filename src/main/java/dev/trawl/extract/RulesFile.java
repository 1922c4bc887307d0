package dev.trawl.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a {@code --rules} file: JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}; any other name is read as
 * JSON when it starts with <code>{</code>, else as YAML), UTF-8, of this shape:
 *
 * <pre>{@code
 * rules:
 *   - url: '^https://shop\.example\.com/item/'   # Java regex, found anywhere in the page URL; absent: every page
 *     fields:
 *       title: 'h1::text'
 *       sizes[]: 'select#size option::attr(value)'
 * }</pre>
 *
 * <p>Bounds (the file is user input, so every mistake is a one-line IllegalArgumentException naming the file, the
 * rule and the field): at most {@value #MAX_BYTES} bytes, {@value #MAX_RULES} rules, {@link UrlRule#MAX_FIELDS}
 * fields a rule, {@value #MAX_PATTERN_CHARS} chars a URL pattern, {@link FieldSelector#MAX_CHARS} a selector;
 * unknown keys and duplicate keys are errors (they are typos); YAML aliases are limited, as SnakeYAML does against
 * "billion laughs".
 */
public final class RulesFile {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_RULES = 1000;
    public static final int MAX_PATTERN_CHARS = 1000;

    /** Deepest nesting of YAML flow collections read: SnakeYAML composes nodes recursively. */
    static final int MAX_YAML_NESTING = 64;

    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final LoadSettings YAML = LoadSettings.builder()
            .setCodePointLimit(MAX_BYTES)
            .setMaxAliasesForCollections(20)
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .build();

    private RulesFile() {}

    /** The rules of the file, in its order. Throws IllegalArgumentException with a one-line message. */
    public static List<UrlRule> load(Path file) {
        String name = file.toString();
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalArgumentException(
                        "rules file " + name + " is larger than " + MAX_BYTES + " bytes");
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("rules file " + name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("rules file " + name + ": cannot read it: " + Reasons.of(e));
        }
        return parse(text, isYaml(file, text), name);
    }

    /** Reads rules from text; name is what messages call the file. */
    public static List<UrlRule> parse(String text, boolean yaml, String name) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        JsonNode root = yaml ? readYaml(content, name) : readJson(content, name);
        try {
            return RulesTree.rules(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rules file " + name + ": " + e.getMessage());
        }
    }

    private static JsonNode readJson(String text, String name) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rules file " + name + " is not valid JSON" + where(e) + ": "
                    + OneLine.of(withoutSource(e.getOriginalMessage())));
        }
    }

    /** SnakeYAML Engine (YAML 1.2), aliases expanded up to a bound, read into the same tree as JSON. */
    private static JsonNode readYaml(String text, String name) {
        if (FlowNesting.depth(text) > MAX_YAML_NESTING) {
            throw new IllegalArgumentException(
                    "rules file " + name + " nests collections deeper than " + MAX_YAML_NESTING + " levels");
        }
        try {
            return JSON.valueToTree(new Load(YAML).loadFromString(text));
        } catch (MarkedYamlEngineException e) {
            String line = e.getProblemMark().map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                    .orElse("");
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new IllegalArgumentException(
                    "rules file " + name + " is not valid YAML" + line + ": " + OneLine.of(problem));
        } catch (YamlEngineException | IllegalArgumentException e) {
            throw new IllegalArgumentException("rules file " + name + " is not valid YAML: " + OneLine.of(e.getMessage()));
        }
    }

    /** jackson adds where an open array or object began, as a redacted "[Source: ...]" location; the line says it. */
    private static String withoutSource(String message) {
        return message == null ? null : message.replaceFirst("\\s*\\(for \\w+ starting at \\[Source:.*$", "");
    }

    private static boolean isYaml(Path file, String text) {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (fileName.endsWith(".json")) {
            return false;
        }
        if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
            return true;
        }
        return !text.strip().replace("\uFEFF", "").startsWith("{");
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        return mapper;
    }
}
