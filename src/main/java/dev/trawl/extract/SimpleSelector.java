package dev.trawl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A CSS selector of the subset that {@link StreamedExtraction} answers while reading a page, without a tree:
 * compound selectors (a tag name, {@code #id}, {@code .class}, {@code [attr]}, {@code [attr=value]}) joined by
 * descendant (space) or child ({@code >}) combinators, e.g. {@code nav a}, {@code div.price > span},
 * {@code meta[name=description]}. Such a selector asks only about an element and its ancestors, which are known when
 * its start tag is read. Each compound is compiled by jsoup's own selector parser, so an element matches exactly as
 * jsoup's engine decides; only the combinators are followed here. Immutable.
 *
 * @param steps the compounds from left to right
 */
record SimpleSelector(List<Step> steps) {

    /**
     * One compound. tag: its lowercase tag name, or null when it names none (then every element is tested);
     * child: whether the combinator before it is {@code >} (false for the first step); test: jsoup's evaluator of the
     * compound, which looks at the element alone; tagOnly: the compound is its tag name alone (no need to ask test);
     * needs: the attributes (lower case) an element must have to match, "id" for #id and "class" for .class: an
     * element without one of them is not handed to test.
     */
    record Step(String tag, boolean child, Evaluator test, boolean tagOnly, List<String> needs) {}

    SimpleSelector {
        steps = List.copyOf(steps);
    }

    /** The selector, or null when css is outside the subset (then the page goes through jsoup's tree). */
    static SimpleSelector parse(String css) {
        List<Step> steps = new ArrayList<>();
        int n = css.length();
        int p = skipSpaces(css, 0);
        boolean child = false;
        while (p < n) {
            int start = p;
            String tag = null;
            int identEnd = ident(css, p);
            boolean tagOnly;
            List<String> needs = new ArrayList<>();
            if (identEnd > p) {
                tag = css.substring(p, identEnd).toLowerCase(Locale.ROOT);
                p = identEnd;
            }
            while (p < n && (css.charAt(p) == '#' || css.charAt(p) == '.' || css.charAt(p) == '[')) {
                char c = css.charAt(p);
                int from = p + 1;
                p = c == '[' ? attribute(css, from) : ident(css, from);
                if (p < 0 || (c != '[' && css.charAt(p - 1) == c)) return null; // '#' or '.' without a name
                needs.add(c == '#' ? "id" : c == '.' ? "class" : css.substring(from, ident(css, from)).toLowerCase(Locale.ROOT));
            }
            if (p == start) return null; // '*', ':', ',', '+', '~' and the rest of CSS: jsoup's engine
            tagOnly = p == identEnd;
            steps.add(new Step(tag, child, QueryParser.parse(css.substring(start, p)), tagOnly, List.copyOf(needs)));
            int afterSpaces = skipSpaces(css, p);
            if (afterSpaces == n) break;
            if (css.charAt(afterSpaces) == '>') {
                child = true;
                p = skipSpaces(css, afterSpaces + 1);
                if (p == n) return null;
            } else if (afterSpaces > p) {
                child = false;
                p = afterSpaces;
            } else {
                return null;
            }
        }
        return steps.isEmpty() ? null : new SimpleSelector(steps);
    }

    /** The end of a name ([A-Za-z_-][A-Za-z0-9_-]*) starting at p; p when there is none. */
    private static int ident(String css, int p) {
        int n = css.length();
        if (p >= n || !(isLetter(css.charAt(p)) || css.charAt(p) == '_' || css.charAt(p) == '-')) return p;
        int i = p + 1;
        while (i < n && (isLetter(css.charAt(i)) || isDigit(css.charAt(i)) || css.charAt(i) == '_' || css.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    /** After '[': {@code name]} or {@code name=value]} (value a name or quoted without escapes); -1 otherwise. */
    private static int attribute(String css, int p) {
        int n = css.length();
        int nameEnd = ident(css, p);
        if (nameEnd == p || nameEnd >= n) return -1;
        if (css.charAt(nameEnd) == ']') return nameEnd + 1;
        if (css.charAt(nameEnd) != '=' || nameEnd + 1 >= n) return -1;
        int v = nameEnd + 1;
        char q = css.charAt(v);
        int valueEnd;
        if (q == '"' || q == '\'') {
            int close = css.indexOf(q, v + 1);
            if (close < 0 || css.substring(v + 1, close).indexOf('\\') >= 0) return -1;
            valueEnd = close + 1;
        } else {
            valueEnd = v; // unquoted: [A-Za-z0-9_-]+
            while (valueEnd < n && (isLetter(css.charAt(valueEnd)) || isDigit(css.charAt(valueEnd))
                    || css.charAt(valueEnd) == '_' || css.charAt(valueEnd) == '-')) {
                valueEnd++;
            }
            if (valueEnd == v) return -1;
        }
        return valueEnd < n && css.charAt(valueEnd) == ']' ? valueEnd + 1 : -1;
    }

    private static int skipSpaces(String css, int p) {
        while (p < css.length() && (css.charAt(p) == ' ' || css.charAt(p) == '\t' || css.charAt(p) == '\n')) p++;
        return p;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
