package dev.trawl.extract;

import java.util.Set;

/** The element names {@link PlainMarkup} treats alike, from jsoup 1.24.1's tree builder. */
final class ElementSets {
    private ElementSets() {}

    /** Elements without content or end tag: opened and closed at once. */
    static final Set<String> VOID = Set.of("area", "base", "basefont", "bgsound", "br", "embed", "hr", "img", "input",
            "keygen", "link", "meta", "param", "source", "track", "wbr");

    static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /**
     * Start tags that never close an open p (jsoup closes one before most others, and the rest are rare enough in a
     * p to leave to jsoup).
     */
    static final Set<String> PHRASING = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data",
            "del", "dfn", "em", "font", "i", "img", "input", "ins", "kbd", "label", "mark", "q", "s", "samp", "script",
            "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr");

    /**
     * Start tags in body after which jsoup may build something else than "append to the current element": table
     * modes, select, foreign content, templates, noscript, frames, formatting markers, renames, merges, drops.
     */
    static final Set<String> NOT_PLAIN_IN_BODY = Set.of("html", "body", "head", "frameset", "frame", "template",
            "noscript", "noframes", "plaintext", "listing", "table", "caption", "col", "colgroup", "tbody", "td",
            "tfoot", "th", "thead", "tr", "select", "option", "optgroup", "rb", "rtc", "rp", "rt", "math", "svg",
            "image", "isindex", "nobr", "applet", "marquee", "object", "command", "menuitem");
}
