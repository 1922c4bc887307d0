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
            "small", "span", "strike", "strong", "sub", "sup", "svg", "time", "tt", "u", "var", "wbr");

    /**
     * The svg elements followed inside an svg element: shapes, groups and text. Not title, desc or foreignObject, in
     * which jsoup parses HTML again, nor any name HTML also has (jsoup would break out of the svg).
     */
    static final Set<String> SVG = Set.of("path", "g", "circle", "rect", "line", "polyline", "polygon", "ellipse",
            "use", "defs", "symbol", "stop", "lineargradient", "radialgradient", "clippath", "mask", "pattern", "text",
            "tspan");

    /**
     * Start tags before which jsoup closes an open p (InBodyStartPClosers, headings, pre, form, hr, li, dd, dt, xmp):
     * when the p is the current element, that is all they do to it.
     */
    static final Set<String> CLOSES_P = Set.of("address", "article", "aside", "blockquote", "center", "details",
            "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "menu", "nav", "ol",
            "p", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "form", "hr", "li", "dd", "dt",
            "xmp");

    /** The elements jsoup's implied end tags close that a plain page may leave open (of dd, dt, li, p, option, rb...). */
    static final Set<String> IMPLIED_END = Set.of("p", "li", "dd", "dt");

    /**
     * End tags that first close the {@link #IMPLIED_END} elements open inside their element (jsoup's implied end
     * tags): InBodyEndClosers, li, dd, dt and the headings.
     */
    static final Set<String> ENDS_OPEN_P = Set.of("address", "article", "aside", "blockquote", "button", "center",
            "details", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "menu",
            "nav", "ol", "pre", "section", "summary", "ul", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6");

    /**
     * Start tags in body after which jsoup may build something else than "append to the current element": table
     * modes, select, foreign content, templates, noscript, frames, formatting markers, renames, merges, drops.
     */
    static final Set<String> NOT_PLAIN_IN_BODY = Set.of("html", "body", "head", "frameset", "frame", "template",
            "noframes", "plaintext", "listing", "table", "caption", "col", "colgroup", "tbody", "td",
            "tfoot", "th", "thead", "tr", "select", "option", "optgroup", "rb", "rtc", "rp", "rt", "math",
            "image", "isindex", "nobr", "applet", "marquee", "object", "command", "menuitem");
}
