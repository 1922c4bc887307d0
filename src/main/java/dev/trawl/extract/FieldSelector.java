package dev.trawl.extract;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector.SelectorParseException;

/**
 * A CSS selector with an optional Scrapy-style pseudo-element at its end, compiled once.
 *
 * <ul>
 *   <li>{@code h1::text}: the text nodes that are children of each match (its own text, not its descendants');
 *   <li>{@code h1 ::text} (with a space): the text nodes anywhere under each match, the match's own included;
 *   <li>{@code a::attr(href)}: the attribute of each match that has it; {@code div ::attr(id)} (with a space): of
 *       each match and every element under it;
 *   <li>{@code div::html}: the inner HTML of each match;
 *   <li>no pseudo-element: the outer HTML of each match, as Scrapy's {@code response.css("div").get()} gives.
 * </ul>
 *
 * <p>{@code css} is parsed by jsoup's selector engine; the compiled {@link Evaluator} is thread-safe. Immutable.
 */
public record FieldSelector(String source, String css, Output output, String attribute, boolean descendants,
        Evaluator evaluator) {

    /** Longest selector accepted, in chars: jsoup's parser is fast, but a selector is user input all the same. */
    public static final int MAX_CHARS = 1000;

    /** What a match contributes. */
    public enum Output { OUTER_HTML, INNER_HTML, TEXT, ATTRIBUTE }

    // a pseudo-element only at the very end, so '::' inside an attribute value ([title="a::text"]) is left alone
    private static final Pattern PSEUDO = Pattern.compile(
            "(\\s*)::(text|html|attr\\(([^()]*)\\))\\s*$", Pattern.CASE_INSENSITIVE);

    // what an HTML attribute name may hold (no space, quote, '>', '/', '='), as the tokenizer reads it
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[^\\s\"'>/=]+");
    // quoted strings of a selector, where '::text' is an attribute value, not a pseudo-element
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");

    public FieldSelector {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(css, "css");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(evaluator, "evaluator");
        if ((output == Output.ATTRIBUTE) != (attribute != null)) {
            throw new IllegalArgumentException("an attribute name goes with ::attr() only: " + source);
        }
    }

    /**
     * Compiles a selector such as {@code "div.price ::text"}. Throws IllegalArgumentException with a one-line
     * message (naming the selector) when it is empty, too long, or not CSS that jsoup understands.
     */
    public static FieldSelector parse(String selector) {
        Objects.requireNonNull(selector, "selector");
        String trimmed = selector.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the selector is empty (e.g. h1::text)");
        }
        if (trimmed.length() > MAX_CHARS) {
            throw new IllegalArgumentException(
                    "selector of " + trimmed.length() + " chars is longer than the " + MAX_CHARS + " allowed");
        }
        Matcher pseudo = PSEUDO.matcher(trimmed);
        if (!pseudo.find()) {
            return new FieldSelector(trimmed, trimmed, Output.OUTER_HTML, null, false, compile(trimmed, trimmed));
        }
        String css = trimmed.substring(0, pseudo.start()).strip();
        // "::text" alone, or after a combinator's space: Scrapy reads it as "* ::text", descendants included
        boolean descendants = !pseudo.group(1).isEmpty() || css.isEmpty();
        String kind = pseudo.group(2).toLowerCase(Locale.ROOT);
        Evaluator evaluator = compile(css.isEmpty() ? ":root" : css, trimmed);
        if (kind.equals("text")) {
            return new FieldSelector(trimmed, css, Output.TEXT, null, descendants, evaluator);
        }
        if (kind.equals("html")) {
            return new FieldSelector(trimmed, css, Output.INNER_HTML, null, descendants, evaluator);
        }
        String attribute = pseudo.group(3).strip().toLowerCase(Locale.ROOT); // as jsoup stores HTML attribute names
        if (!ATTRIBUTE_NAME.matcher(attribute).matches()) {
            throw new IllegalArgumentException(
                    "selector '" + OneLine.clip(trimmed) + "': ::attr() takes one attribute name, e.g. ::attr(href)");
        }
        return new FieldSelector(trimmed, css, Output.ATTRIBUTE, attribute, descendants, evaluator);
    }

    private static Evaluator compile(String css, String selector) {
        String unquoted = QUOTED.matcher(css).replaceAll("");
        if (unquoted.contains("::text") || unquoted.contains("::attr(") || unquoted.contains("::html")) {
            throw new IllegalArgumentException(
                    "selector '" + OneLine.clip(selector) + "': a pseudo-element (::text, ::attr(name), ::html) may only end it");
        }
        try {
            return QueryParser.parse(css);
        } catch (SelectorParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "selector '" + OneLine.clip(selector) + "' is not valid CSS: " + OneLine.of(e.getMessage()));
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
