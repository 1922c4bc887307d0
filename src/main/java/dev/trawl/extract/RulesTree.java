package dev.trawl.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The rules file's tree (the same for JSON and YAML) to {@link UrlRule}s; messages name the rule and the field. */
final class RulesTree {
    private static final Set<String> TOP_KEYS = Set.of("rules");
    private static final Set<String> RULE_KEYS = Set.of("url", "fields");

    private RulesTree() {}

    static List<UrlRule> rules(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected an object with a 'rules' list (see README: --rules)");
        }
        onlyKeys(root, TOP_KEYS, "the top level");
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray()) {
            throw new IllegalArgumentException("'rules' must be a list of {url, fields}");
        }
        if (rules.size() > RulesFile.MAX_RULES) {
            throw new IllegalArgumentException(
                    rules.size() + " rules is more than the " + RulesFile.MAX_RULES + " allowed");
        }
        List<UrlRule> result = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            try {
                result.add(rule(rules.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + (i + 1) + ": " + e.getMessage());
            }
        }
        return result;
    }

    private static UrlRule rule(JsonNode rule) {
        if (!rule.isObject()) {
            throw new IllegalArgumentException("expected {url, fields}, got " + kind(rule));
        }
        onlyKeys(rule, RULE_KEYS, "a rule");
        JsonNode fields = rule.get("fields");
        if (fields == null || !fields.isObject() || fields.isEmpty()) {
            throw new IllegalArgumentException("'fields' must map at least one NAME (or NAME[]) to a selector");
        }
        if (fields.size() > UrlRule.MAX_FIELDS) {
            throw new IllegalArgumentException(
                    fields.size() + " fields is more than the " + UrlRule.MAX_FIELDS + " allowed");
        }
        List<FieldSpec> specs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            if (field.getValue().isNull() || field.getValue().isTextual() && field.getValue().asText().isBlank()) {
                throw new IllegalArgumentException("field '" + OneLine.clip(field.getKey())
                        + "': the selector is empty (in YAML, quote a selector that starts with # or [)");
            }
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException("field '" + OneLine.clip(field.getKey())
                        + "': the selector must be a string, got " + kind(field.getValue()) + " (quote it in YAML)");
            }
            specs.add(FieldSpec.of(field.getKey(), field.getValue().asText()));
        }
        JsonNode url = rule.get("url");
        return url == null ? UrlRule.everyPage(specs) : new UrlRule(pattern(url), specs);
    }

    private static Pattern pattern(JsonNode url) {
        if (!url.isTextual()) {
            throw new IllegalArgumentException("'url' must be a regular expression string, got " + kind(url));
        }
        String regex = url.asText();
        if (regex.length() > RulesFile.MAX_PATTERN_CHARS) {
            throw new IllegalArgumentException("url pattern of " + regex.length() + " chars is longer than the "
                    + RulesFile.MAX_PATTERN_CHARS + " allowed");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("url '" + OneLine.clip(regex) + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    private static void onlyKeys(JsonNode object, Set<String> allowed, String where) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + OneLine.clip(name) + "' in " + where
                        + " (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
