package dev.trawl.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fields to extract from the pages whose URL the pattern is found in ({@link java.util.regex.Matcher#find()}, as
 * {@code --include} matches: anchor with {@code ^} and {@code $} to match the whole URL). Immutable, thread-safe.
 */
public record UrlRule(Pattern url, List<FieldSpec> fields) {

    /** Most fields one rule (or the {@code --extract} options together) may name. */
    public static final int MAX_FIELDS = 200;

    private static final Pattern EVERY_PAGE = Pattern.compile("");

    public UrlRule {
        Objects.requireNonNull(url, "url");
        fields = List.copyOf(fields);
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException(fields.size() + " fields is more than the " + MAX_FIELDS + " allowed");
        }
        Set<String> names = new HashSet<>();
        for (FieldSpec field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("field '" + field.name() + "' is given twice");
            }
        }
    }

    /** The fields of {@code --extract}: every page. */
    public static UrlRule everyPage(List<FieldSpec> fields) {
        return new UrlRule(EVERY_PAGE, fields);
    }

    public boolean matches(String pageUrl) {
        return url.matcher(pageUrl).find();
    }
}
