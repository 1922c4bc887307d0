package dev.trawl.parse;

import java.util.Random;

/**
 * Generates HTML meant to find the places where a token-level reading and jsoup's tree builder part ways: random
 * mixes of tags in both cases, attributes quoted, unquoted, duplicated and malformed, character references, comments
 * of every odd shape, raw-text elements with near-miss end tags, tables, noscript, NULs, and cuts at any point.
 * Two shapes: {@link #hostile} (anything goes) and {@link #structured} (mostly well-formed pages with tables, lists
 * and head metadata, so that most of them stay on the fast path and exercise its table and metadata rules).
 */
final class HostileHtml {
    private HostileHtml() {}

    private static final java.util.concurrent.atomic.AtomicLong UNIQUE = new java.util.concurrent.atomic.AtomicLong();

    private static final String[] TAGS = {
        "a", "a", "a", "area", "iframe", "frame", "base", "meta", "link", "title", "html", "head", "body", "p", "div",
        "span", "b", "i", "em", "font", "nobr", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "col",
        "colgroup", "form", "input", "select", "option", "optgroup", "textarea", "button", "li", "ul", "dd", "h1",
        "br", "img", "hr", "pre", "listing", "object", "marquee", "applet", "noscript", "script", "style", "xmp",
        "noembed", "noframes", "custom-el", "x", "image", "label", "main", "section", "plaintext", "svg", "math",
        "template", "frameset", "keygen", "ruby", "rt", "sarcasm", "address", "dialog", "search", "html",
        "a\u00e9", "t\u0130tle", "lin\u212A", "a\u000b", "title\u0001", "a<b", "A"
    };
    private static final String[] ATTRIBUTES = {
        "href", "href", "HREF", "src", "SRC", "lang", "LANG", "name", "content", "rel", "type", "id", "class", "hReF",
        "data-x", "'q'", "\"dq\"", "=eq", "<lt", "a?b", "lang", "content", "rel", "xmlns", "hr\u00e9f", "s\u0280c",
        "\u017Frc", "lan\u0262", "HRE\u0046", "\u0001href", "href\u000b"
    };
    private static final String[] VALUES = {
        "x", "/a.html", "http://example.com/b?c=1&amp;d=2", "description", "Description", "DESCRIPTION", "canonical",
        "alternate CANONICAL", " canonical ", "en", " de-CH ", "", "&amp;", "&amp", "&ampx", "&amp=", "&#x41;", "&#65",
        "&#0;", "&#128;", "&#x110000;", "&nbsp;", "&notin;", "&notit;", "&not", "&lt;a&gt;", "a b", "a\tb\nc", "\r\n",
        "a>b", "a\"b", "a'b", "a`b", "a=b", "a<b", "&", "&;", "&#", "&#x;", "hidden", "HIDDEN", "text/html",
        "descr&#105;ption", "&#x63;anonical", "d\u00e9j\u00e0", "\u00a0en\u00a0"
    };
    private static final String[] WORDS = {
        "word", "x", "Tom &amp; Jerry", "&nbsp;", "&lt;b&gt;", "&copy", "&amp", "&#x26;", "a < b", "<", "< p", "<1",
        "<<", "&", "\u00e9t\u00e9", " ", "\n", "\t", "\r\n", "\f", "  ", "--", "->", "]]>", "?>", ">", "\"", "'"
    };
    private static final String[] MARKUP = {
        "<!-->", "<!--->", "<!---->", "<!-- c -->", "<!-- -- -->", "<!--x--!>", "<!--x--!-->", "<!-- a -- b --->",
        "<!--<a href=in-comment>-->", "<!--", "<!-", "<!x>", "<!DOCTYPE html>", "<!doctype HTML PUBLIC \"-//W3C//DTD "
        + "HTML 4.01//EN\">", "<!DOCTYPE>", "<!DOCTYPE html SYSTEM 'x>y'>", "<![CDATA[ <a href=cdata> ]]>",
        "<?php echo 1 ?>", "<?xml version=\"1.0\"?>", "<?>", "<? >", "</>", "</ x>", "</3>", "</", "<", "<//a>",
        "<!--x-- >y-->", "<!--x--!x-->", "<a", "<a href", "<a href=", "<a href=\"", "<a href='x'", "</a"
    };
    private static final String[] RAW = {"script", "style", "title", "textarea", "iframe", "xmp", "noembed", "noframes"};
    private static final String[] RAW_CONTENT = {
        "x", "<a href=raw>", "</b>", "a</%s", "</%sx>", "</%s >", "</%s/>", "</%s foo='>'>", "</%s\t>", "<!-- c -->",
        "<!--", "&amp; &lt;", "</ %s>", "<%s>", "if (a<b) {}", "</%S>", "</%s", "\"</%s>\"", "<!-->", "<script>",
        "</scr", "</%s x=\"", "-->"
    };

    /** A page that may hold anything. */
    static String hostile(Random r) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + r.nextInt(r.nextInt(10) == 0 ? 200 : 40);
        for (int i = 0; i < parts; i++) {
            fragment(r, b);
        }
        return cut(r, b.toString());
    }

    /** A mostly well-formed page: head metadata, text with links, lists, tables with links in their cells. */
    static String structured(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) {
            b.append("<!DOCTYPE html>\n");
        }
        if (r.nextInt(4) != 0) {
            b.append("<html").append(r.nextInt(3) == 0 ? "" : " lang=" + pick(r, "en", "\"fr\"", "'de'", "\"\"")).append(">");
        }
        if (r.nextInt(5) != 0) {
            b.append("<head>");
        }
        for (int i = r.nextInt(6); i > 0; i--) {
            head(r, b);
        }
        if (r.nextInt(5) != 0) {
            b.append("</head>");
        }
        if (r.nextInt(4) != 0) {
            b.append("<body>\n");
        }
        for (int i = 1 + r.nextInt(12); i > 0; i--) {
            switch (r.nextInt(9)) {
                case 0, 1 -> table(r, b, 0);
                case 2 -> b.append("<ul>").append(listItems(r)).append("</ul>\n");
                case 3 -> b.append("<noscript>").append(anchor(r)).append(r.nextBoolean() ? "<img src=x>" : "")
                        .append("</noscript>");
                case 4 -> head(r, b); // metadata in the body
                case 5 -> b.append("<script>var a = '<a href=\"no\">'; if (a < b) {}</script>\n");
                case 6 -> b.append("<div><p>").append(text(r)).append(anchor(r)).append("<b>").append(anchor(r))
                        .append(r.nextBoolean() ? "</b>" : "").append("</p></div>\n");
                case 7 -> b.append("<form><select name=s><option>1<option selected>2</select><input type=")
                        .append(pick(r, "text", "hidden")).append("><textarea><a href=t></textarea></form>");
                default -> b.append("<p>").append(text(r)).append(' ').append(anchor(r)).append(' ').append(text(r))
                        .append(r.nextBoolean() ? "</p>\n" : "\n");
            }
        }
        if (r.nextBoolean()) {
            b.append("</body></html>\n");
        }
        if (r.nextInt(8) == 0) {
            b.append(anchor(r)).append("<html lang=late>").append(head(r, new StringBuilder()));
        }
        return r.nextInt(10) == 0 ? cut(r, b.toString()) : b.toString();
    }

    private static StringBuilder head(Random r, StringBuilder b) {
        switch (r.nextInt(7)) {
            case 0 -> b.append("<title>").append(text(r)).append("</title>\n");
            case 1 -> b.append("<meta name=").append(pick(r, "description", "\"Description\"", "keywords", "'x'"))
                    .append(" content=\"").append(text(r)).append("\">\n");
            case 2 -> b.append("<link rel=").append(pick(r, "canonical", "\"alternate canonical\"", "stylesheet"))
                    .append(" href=\"").append(href(r)).append("\">\n");
            case 3 -> b.append("<base href=\"").append(href(r)).append("\">");
            case 4 -> b.append("<style>p { color: red } a > b {}</style>\n");
            case 5 -> b.append("<meta charset=utf-8><meta property=og:title content=x>");
            default -> b.append("<script src=/s.js></script>");
        }
        return b;
    }

    /** A table with rows, cells (some with links and nested tables), maybe a caption, colgroup and row groups. */
    private static void table(Random r, StringBuilder b, int depth) {
        b.append("<table").append(r.nextBoolean() ? " border=1" : "").append(">\n");
        if (r.nextInt(4) == 0) {
            b.append("<caption>").append(text(r)).append(anchor(r)).append("</caption>");
        }
        if (r.nextInt(4) == 0) {
            b.append("<colgroup><col><col span=2></colgroup>");
        } else if (r.nextInt(6) == 0) {
            b.append("<col>");
        }
        boolean sections = r.nextBoolean();
        for (int g = 1 + r.nextInt(2); g > 0; g--) {
            String section = pick(r, "tbody", "thead", "tfoot");
            if (sections) {
                b.append('<').append(section).append(">\n");
            }
            for (int row = 1 + r.nextInt(3); row > 0; row--) {
                b.append("  ");
                if (r.nextInt(5) != 0) {
                    b.append("<tr>");
                }
                for (int cell = 1 + r.nextInt(3); cell > 0; cell--) {
                    String kind = r.nextInt(4) == 0 ? "th" : "td";
                    b.append('<').append(kind).append('>');
                    switch (r.nextInt(6)) {
                        case 0 -> b.append(anchor(r));
                        case 1 -> b.append(text(r)).append(" <b>").append(anchor(r)).append("</b>");
                        case 2 -> {
                            if (depth < 2) {
                                table(r, b, depth + 1);
                            }
                        }
                        case 3 -> b.append("<div>").append(anchor(r)).append("<p>").append(text(r));
                        case 4 -> b.append("<a href=\"").append(href(r)).append("\">unclosed ");
                        default -> b.append(text(r));
                    }
                    if (r.nextInt(3) != 0) {
                        b.append("</").append(kind).append('>');
                    }
                }
                if (r.nextInt(3) != 0) {
                    b.append("</tr>");
                }
                b.append('\n');
            }
            if (sections && r.nextBoolean()) {
                b.append("</").append(section).append(">\n");
            }
        }
        if (r.nextInt(6) == 0) {
            b.append("<script>1</script>");
        }
        b.append("</table>\n");
    }

    /**
     * A page of table tags in any order, open or not, mixed with links, text and other tags: the ground where the
     * tree builder foster-parents content and closes cells, rows and row groups on its own.
     */
    static String tableChaos(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) {
            b.append("<a href=before>");
        }
        tableChaos(r, b, 5 + r.nextInt(60));
        return cut(r, b.toString());
    }

    /**
     * Deeply nested markup, well- and ill-formed: open tags of every kind the tree builder treats differently
     * (formatting, p, list items, headings, options, forms, buttons, noscript, custom), few of them closed, some
     * closed out of order, to take jsoup's stack of open elements near and past its 512 limit. Tables come in at
     * the end one time in two.
     */
    static String deepNesting(Random r) {
        StringBuilder b = new StringBuilder();
        int tokens = 200 + r.nextInt(1_400);
        for (int i = 0; i < tokens; i++) {
            int k = r.nextInt(100);
            if (k < 55) {
                b.append('<').append(caseOf(r, pick(r, DEEP_TAGS))).append(r.nextInt(6) == 0 ? " id=x" : "").append('>');
            } else if (k < 75) {
                b.append("</").append(pick(r, DEEP_TAGS)).append('>');
            } else if (k < 85) {
                b.append(pick(r, "x", " ", "\n", "&amp;", "<br>", "<img>", "<hr>", "<input>", "<wbr>"));
            } else if (k < 95) {
                b.append(r.nextInt(40) == 0 ? "<noscript>" : anchor(r));
            } else if (k < 96) {
                b.append("</noscript>");
            } else {
                b.append(pick(r, "<title>t</title>", "<script>s</script>", "<meta name=description content=m>",
                        "<link rel=canonical href=c>", "<html lang=d>", "<textarea>x</textarea>"));
            }
        }
        if (r.nextBoolean()) {
            tableChaos(r, b, 5 + r.nextInt(20));
        }
        return b.toString();
    }

    private static final String[] DEEP_TAGS = {
        "div", "div", "span", "span", "p", "p", "li", "ul", "ol", "dd", "dt", "dl", "b", "i", "a", "em", "font",
        "strong", "nobr", "u", "h1", "h2", "option", "optgroup", "select", "form", "button", "section", "custom-x",
        "label", "pre", "address", "blockquote", "object", "marquee", "ruby", "rt", "center", "small", "big"
    };

    private static final String[] TABLE_TOKENS = {
        "<table>", "<table>", "</table>", "<tr>", "<tr>", "</tr>", "<td>", "<td>", "<td>", "</td>", "<th>", "</th>",
        "<tbody>", "</tbody>", "<thead>", "</thead>", "<tfoot>", "</tfoot>", "<caption>", "</caption>", "<colgroup>",
        "</colgroup>", "<col>", "</col>", " ", "\n  ", "text", "&nbsp;", "<p>", "</p>", "<div>", "</div>", "<b>",
        "</b>", "</a>", "<form>", "</form>", "<script>s</script>", "<style>s</style>", "<noscript><a href=ns>n</a>"
        + "</noscript>", "<title>t</title>", "<meta name=description content=d>", "<link rel=canonical href=c>",
        "<base href=/b/>", "<html lang=tl>", "<!-- c -->", "</br>", "<input type=hidden>", "<input>", "<select>",
        "<input type=HIDDEN value=x>", "<input TYPE=hidden>", "<input type=\"hid&#100;en\">", "<input type=hidden type=t>",
        "</select>", "<body>", "<head>", "</body>", "</html>", "<frame src=fr>", "<span>", "</span>", "<li>",
        "<iframe src=if></iframe>", "<area href=ar>", "<textarea>ta</textarea>", "<td><table><tr><td>", "<img>",
        "<caption><a href=cap>c</a>", "<p><a href=fmt>f</p>", "<a href=open>"
    };

    private static void tableChaos(Random r, StringBuilder b, int tokens) {
        for (int i = 0; i < tokens; i++) {
            if (r.nextInt(4) == 0) {
                b.append("<a href=t").append(UNIQUE.incrementAndGet()).append('>');
            } else if (r.nextInt(200) == 0) {
                b.append(pick(r, "</template>", "<plaintext>", "</th>", "<table>"));
            } else {
                String t = pick(r, TABLE_TOKENS);
                b.append(r.nextInt(5) == 0 ? t.toUpperCase(java.util.Locale.ROOT) : t);
            }
        }
    }

    private static String listItems(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            b.append("<li>").append(anchor(r)).append(r.nextBoolean() ? "</li>" : "");
        }
        return b.toString();
    }

    private static String anchor(Random r) {
        return "<a href=\"" + href(r) + "\">" + text(r) + "</a>";
    }

    /** Mostly distinct hrefs, so that a link out of order shows. */
    private static String href(Random r) {
        return switch (r.nextInt(6)) {
            case 5 -> "u" + UNIQUE.incrementAndGet();
            case 0 -> "/p" + r.nextInt(50) + ".html";
            case 1 -> "../q" + r.nextInt(50) + ".html#f";
            case 2 -> "http://example.com/r" + r.nextInt(50) + "?a=1&amp;b=2";
            case 3 -> "s" + r.nextInt(50) + ".html?x&y";
            default -> "https://other.example.org/" + r.nextInt(50);
        };
    }

    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            b.append(i == 1 ? "" : " ").append(pick(r, "lorem", "ipsum", "Tom &amp; Jerry", "&nbsp;x", "caf\u00e9",
                    "a&lt;b", "1 < 2", "word"));
        }
        return b.toString();
    }

    private static void fragment(Random r, StringBuilder b) {
        int k = r.nextInt(100);
        if (k < 30) {
            startTag(r, b, pick(r, TAGS));
        } else if (k < 45) {
            b.append("</").append(caseOf(r, pick(r, TAGS))).append(r.nextInt(8) == 0 ? " x=\">\"" : "").append('>');
        } else if (k < 65) {
            b.append(pick(r, WORDS));
        } else if (k < 75) {
            b.append(pick(r, MARKUP));
        } else if (k < 85) {
            rawElement(r, b);
        } else if (k < 90) {
            table(r, b, 1);
        } else if (k < 94) {
            b.append(anchor(r));
        } else if (k < 96) {
            if (r.nextInt(8) == 0) {
                b.append(r.nextBoolean() ? "\u0000" : "\uFFFF");
            } else {
                tableChaos(r, b, 1 + r.nextInt(12));
            }
        } else if (k < 98) {
            b.append("<noscript>");
            for (int i = r.nextInt(5); i > 0; i--) {
                fragment(r, b);
            }
            b.append(r.nextInt(4) == 0 ? "" : "</noscript>");
        } else if (r.nextInt(8) == 0) {
            // deep enough for jsoup's 512 open-element limit, which prunes the deepest open elements
            b.append(pick(r, "<div>", "<span>", "<b>", "<font>", "<td>", "<noscript>").repeat(500 + r.nextInt(40)));
        } else {
            b.append(pick(r, "<svg><title>svg</title><a href=s>", "<math><mi>x</mi></math>",
                    "<template><a href=t></template>", "<frameset><frame src=f></frameset>", "<frame src=stray>"));
        }
    }

    private static final String[] FOREIGN_TAGS = {
        "g", "g", "path", "path", "circle", "rect", "use", "defs", "symbol", "lineargradient", "linearGradient", "stop",
        "text", "tspan", "clipPath", "mask", "a", "a", "title", "desc", "foreignObject", "style", "script", "iframe",
        "frame", "base", "link", "area", "textarea", "noscript", "plaintext", "html", "td", "tr", "table", "caption",
        "svg", "math", "mi", "mo", "mn", "ms", "mtext", "mglyph", "malignmark", "annotation-xml", "semantics", "mrow",
        "p", "div", "b", "br", "span", "font", "meta", "img", "body", "head", "ul", "li", "h1", "pre", "nobr", "em",
        "input", "select", "option", "form", "image", "xmp", "title", "custom-el", "A", "HREF", "Svg"
    };
    private static final String[] FOREIGN_CONTENT = {
        "icon", " ", "\n  ", "Search", "<!-- c -->", "<![CDATA[ <a href=cdata> ]]>", ".c{fill:#444}", "a < b", "&amp;",
        "<!DOCTYPE svg>", "<?xml version=\"1.0\"?>", "</>", "<a href=\"in\"/>", "<path d='M0 0'/>"
    };

    /**
     * Pages with svg and math subtrees, as real pages have them (icons, logos, formulas) and as they go wrong: links
     * and metadata inside, integration points with text or markup, breakouts, stray and misnested end tags, text
     * elements that are markup there, CDATA, inside table cells, noscript and formatting elements.
     */
    static String foreign(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) {
            b.append("<!DOCTYPE html><html lang=en><head><title>").append(text(r)).append("</title></head><body>");
        }
        for (int parts = 1 + r.nextInt(8); parts > 0; parts--) {
            switch (r.nextInt(8)) {
                case 0 -> b.append("<p>").append(text(r)).append(anchor(r)).append("</p>\n");
                case 1 -> b.append(pick(r, "<table><tr><td>", "<b>", "<p><b>", "<a href=around>", "<ul><li>", "<form>",
                        "<div>", "<noscript>", "<select>")).append(r.nextBoolean() ? "" : anchor(r));
                case 2 -> fragment(r, b);
                default -> foreignSubtree(r, b, 0);
            }
        }
        if (r.nextBoolean()) {
            b.append(anchor(r)).append("</body></html>");
        }
        return r.nextInt(10) == 0 ? cut(r, b.toString()) : b.toString();
    }

    private static void foreignSubtree(Random r, StringBuilder b, int depth) {
        String root = r.nextInt(4) == 0 ? "math" : "svg";
        startTag(r, b, pick(r, root, root, root, caseOf(r, root)));
        for (int i = r.nextInt(depth == 0 ? 10 : 4); i > 0; i--) {
            int k = r.nextInt(10);
            if (k < 4) {
                String name = pick(r, FOREIGN_TAGS);
                if (r.nextInt(3) == 0) {
                    b.append('<').append(caseOf(r, name)).append(pick(r, " href=", " HREF=", " xlink:href=", " src=", " rel=canonical href="))
                            .append(href(r)).append(pick(r, ">", "/>", " />"));
                } else {
                    startTag(r, b, name);
                }
                if (r.nextBoolean()) {
                    b.append(pick(r, FOREIGN_CONTENT));
                }
                if (r.nextInt(3) != 0) {
                    b.append("</").append(caseOf(r, r.nextInt(6) == 0 ? pick(r, FOREIGN_TAGS) : name)).append('>');
                }
            } else if (k < 6) {
                b.append(pick(r, FOREIGN_CONTENT));
            } else if (k < 7 && depth < 3) {
                foreignSubtree(r, b, depth + 1);
            } else if (k < 8) {
                b.append("</").append(caseOf(r, pick(r, FOREIGN_TAGS))).append('>');
            } else {
                b.append(anchor(r));
            }
        }
        if (r.nextInt(5) != 0) {
            b.append("</").append(caseOf(r, root)).append('>');
        }
    }

    private static void startTag(Random r, StringBuilder b, String name) {
        b.append('<').append(caseOf(r, name));
        for (int i = r.nextInt(r.nextInt(20) == 0 ? 12 : 4); i > 0; i--) {
            b.append(pick(r, " ", " ", "  ", "\n", "\t", "/", "", "\r\n", "\f", "\r"));
            b.append(caseOf(r, pick(r, ATTRIBUTES)));
            switch (r.nextInt(7)) {
                case 0 -> { } // no value
                case 1 -> b.append('=').append(pick(r, VALUES).replace(" ", "").replace(">", ""));
                case 2 -> b.append("='").append(pick(r, VALUES).replace("'", "")).append('\'');
                case 3 -> b.append(" = \"").append(pick(r, VALUES).replace("\"", "")).append('"');
                default -> b.append("=\"").append(pick(r, VALUES).replace("\"", "")).append('"');
            }
        }
        b.append(pick(r, ">", ">", ">", ">", "/>", " >", " / >", "//>"));
    }

    private static void rawElement(Random r, StringBuilder b) {
        String name = pick(r, RAW);
        startTag(r, b, name);
        String content = pick(r, RAW_CONTENT);
        b.append(content.replace("%s", caseOf(r, name)).replace("%S", name.toUpperCase(java.util.Locale.ROOT)));
        if (r.nextInt(5) != 0) {
            b.append("</").append(caseOf(r, name)).append(pick(r, ">", " >", "/>", "\n>", " a='>'>")).append(' ');
        }
    }

    private static String caseOf(Random r, String name) {
        return switch (r.nextInt(6)) {
            case 0 -> name.toUpperCase(java.util.Locale.ROOT);
            case 1 -> {
                StringBuilder b = new StringBuilder(name);
                for (int i = 0; i < b.length(); i++) {
                    if (r.nextBoolean()) {
                        b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
                    }
                }
                yield b.toString();
            }
            default -> name;
        };
    }

    /** The page cut at a random point, as a truncated download would be, one time in four. */
    private static String cut(Random r, String html) {
        return r.nextInt(4) == 0 && !html.isEmpty() ? html.substring(0, r.nextInt(html.length())) : html;
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
