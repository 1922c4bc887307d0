package dev.trawl.parse;

import java.util.Arrays;

/**
 * The open elements of an svg or math subtree, for {@link TagScanner}: jsoup's "in foreign content" rules (1.24.1)
 * where they keep to document order, and a bail-out where they do not.
 *
 * <p>In foreign content jsoup inserts every start tag as an element of the current node's namespace, popped at once
 * when self-closed, and reads its content as markup (an svg style, title or iframe has no text state; only an svg
 * script switches the tokeniser to script data). A start tag from the "breakout" list (p, div, b, table, ...) pops
 * every foreign element and is then processed as HTML. An end tag pops up to the nearest open element of its name,
 * and reaches the HTML rules only when no foreign element has that name. What is left to jsoup:
 * <ul>
 *   <li>a start tag while an integration point is the current node (svg title, desc, foreignObject; math mi, mo, mn,
 *       ms, mtext, annotation-xml, whatever their namespace), which jsoup inserts as HTML inside the svg or math,
 *       and a breakout with one of them open;</li>
 *   <li>an end tag that no open foreign element matches (the HTML rules would then run with foreign elements
 *       open);</li>
 *   <li>font (a breakout or not by its attributes), CDATA sections, and depths near jsoup's 512 limit.</li>
 * </ul>
 * Names are kept as ranges of the page and compared as jsoup's normal names are: ASCII letters in any case.
 */
final class ForeignContent {
    /** Start tags that end foreign content (jsoup's HtmlTreeBuilderState.Constants.InForeignToHtml). */
    private static final String[] BREAKOUT = {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre",
        "ruby", "s", "small", "span", "strike", "strong", "sub", "sup", "table", "tt", "u", "ul", "var"
    };
    /** HTML integration points (svg) and MathML text integration points and annotation-xml. */
    private static final String[] INTEGRATION = {
        "title", "desc", "foreignobject", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"
    };

    private final String s;
    private final Utf8View view;
    /** Per open element: name start, name end, 1 when it is an integration point. */
    private int[] open = new int[3 * 16];
    private int depth;
    /** Open integration points. */
    private int integrations;
    /** Whether the subtree's root is svg (every element in it is then in the SVG namespace), else math. */
    private boolean svg;

    /** view: the UTF-8 bytes s is the Latin-1 view of, or null when s is the decoded page. */
    ForeignContent(String s, Utf8View view) {
        this.s = s;
        this.view = view;
    }

    /** Whether an svg or math element is open: the tokens go through these rules. */
    boolean active() {
        return depth > 0;
    }

    int depth() {
        return depth;
    }

    /** Whether the open subtree is an svg one: only there does a script element hold script data. */
    boolean svg() {
        return svg;
    }

    /** Whether a start tag now would be processed as HTML inside the foreign subtree. */
    boolean atIntegrationPoint() {
        return depth > 0 && open[3 * depth - 1] == 1;
    }

    /** Whether an integration point is open anywhere in the subtree. */
    boolean integrationOpen() {
        return integrations > 0;
    }

    static boolean breaksOut(String s, int from, int to) {
        return in(s, from, to, BREAKOUT);
    }

    static boolean isFont(String s, int from, int to) {
        return TagKind.is(s, from, to, "font");
    }

    /** A foreign element opened (the svg or math root included). */
    void push(int from, int to) {
        if (3 * depth == open.length) {
            open = Arrays.copyOf(open, open.length * 2);
        }
        if (depth == 0) {
            svg = TagKind.is(s, from, to, "svg"); // a child takes its parent's namespace, so the root's
        }
        int integration = in(s, from, to, INTEGRATION) ? 1 : 0;
        open[3 * depth] = from;
        open[3 * depth + 1] = to;
        open[3 * depth + 2] = integration;
        integrations += integration;
        depth++;
    }

    /**
     * An end tag named s[from, to): pops up to the nearest open element of that name and returns true, or returns
     * false when none has it (then jsoup would run its HTML rules with these elements open).
     */
    boolean endTag(int from, int to) {
        for (int i = depth - 1; i >= 0; i--) {
            if (Utf8View.sameName(s, view, open[3 * i], open[3 * i + 1], from, to)) {
                for (int j = i; j < depth; j++) {
                    integrations -= open[3 * j + 2];
                }
                depth = i;
                return true;
            }
        }
        return false;
    }

    /** All foreign elements popped (a breakout). */
    void close() {
        depth = 0;
        integrations = 0;
    }

    private static boolean in(String s, int from, int to, String[] names) {
        for (String name : names) {
            if (TagKind.is(s, from, to, name)) {
                return true;
            }
        }
        return false;
    }
}
