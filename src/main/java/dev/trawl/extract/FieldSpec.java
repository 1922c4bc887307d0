package dev.trawl.extract;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named field: {@code NAME=SELECTOR} keeps the first value the selector gives, {@code NAME[]=SELECTOR} all of
 * them, in document order. Immutable.
 *
 * @param name   the field's name in the stored {@code fields} JSON and the CSV column: a letter, then letters,
 *               digits, {@code _} or {@code -}, at most {@value #MAX_NAME_CHARS} chars
 * @param all    true for {@code NAME[]}: a list of every value; false: the first value, or null when none
 */
public record FieldSpec(String name, FieldSelector selector, boolean all) {

    public static final int MAX_NAME_CHARS = 64;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    public FieldSpec {
        Objects.requireNonNull(selector, "selector");
        checkName(name);
    }

    /**
     * Parses {@code NAME=SELECTOR} or {@code NAME[]=SELECTOR}, as {@code --extract} takes it; the first {@code =}
     * ends the name, so the selector may hold more ({@code a[rel=next]::attr(href)}). Throws
     * IllegalArgumentException with a one-line message for bad input: ready to be a picocli converter.
     */
    public static FieldSpec parse(String option) {
        Objects.requireNonNull(option, "option");
        int eq = option.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("'" + option + "' is not NAME=SELECTOR (e.g. title=h1::text)");
        }
        return of(option.substring(0, eq).strip(), option.substring(eq + 1));
    }

    /** A field from its key ({@code NAME} or {@code NAME[]}) and selector, as a rules file gives them. */
    public static FieldSpec of(String key, String selector) {
        boolean all = key.endsWith("[]");
        String name = all ? key.substring(0, key.length() - 2) : key;
        checkName(name);
        try {
            return new FieldSpec(name, FieldSelector.parse(selector), all);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + name + "': " + e.getMessage());
        }
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a field needs a name before '=' (e.g. title=h1::text)");
        }
        if (name.length() > MAX_NAME_CHARS || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field name '" + OneLine.clip(name) + "' must be a letter, then letters,"
                    + " digits, '_' or '-', at most " + MAX_NAME_CHARS + " chars (add [] for all matches)");
        }
    }

    @Override
    public String toString() {
        return name + (all ? "[]=" : "=") + selector;
    }
}
