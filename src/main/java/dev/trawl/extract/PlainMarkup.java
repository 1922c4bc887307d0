package dev.trawl.extract;

import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * Reads a page of plain HTML once, start to end, and tells a {@link Listener} the tree jsoup's parser would build
 * from it (elements opening and closing, text nodes), without building one. It follows what jsoup does besides
 * appending to the current element only where that is simple and common: implied html, head and body; a p, li, dd or
 * dt left open and closed by the next block or li, or by its parent's end tag; noscript (an island of plain markup in
 * jsoup); svg holding shapes, groups and text. It gives up (returns false) at the first construct after which jsoup's
 * tree builder could do anything else: an end tag that is not the current element's (after those implied ends), a
 * start tag that would close other open elements (a block in a p that is not the current element, an a in an a, a
 * heading in a heading), tables, forms in forms, select, math, svg's title/desc/foreignObject and any HTML name in
 * svg, template, frames, attributes merged onto html or body, anything but whitespace after the body ended, and any
 * token its tokeniser reads differently from the usual (bogus comments, CDATA, escaped script, a tag name or
 * attribute name outside ASCII, NUL). Giving up costs nothing but time: the caller parses the page with jsoup. The tests hold it to jsoup on
 * generated and real pages: whenever it reads a page, its tree is jsoup's.
 *
 * <p>What it follows from jsoup 1.24.1: the implied html, head and body elements; head's own elements; void
 * elements; the text content of title and textarea (character references decoded), style, xmp, iframe, noembed
 * and script (as written); comments and one DOCTYPE; character references in text and attribute values, decoded
 * by jsoup's own decoder ({@link Parser#unescapeEntities}); a text node is the characters between two tags or
 * comments. Whitespace that jsoup drops or moves between elements is never a value (values are trimmed and blank
 * ones skipped), so where it goes is not followed.
 */
final class PlainMarkup {

    /** Hears the tree. Elements nest: every open is closed, innermost first (at the end of input at the latest). */
    interface Listener {
        /** An element is appended to the current one and becomes current. attributes are reused after this call. */
        void open(String name, TagAttributes attributes);

        /** The current element ends; its parent is current again. */
        void close();

        /** A text node (decoded) is appended to the current element; blank ones may not be told. */
        void text(String text);

        /** Whether the current element's text nodes are wanted (when not, they are not decoded). */
        boolean wantsText();
    }

    private static final int MAX_DEPTH = 256; // well below jsoup's 512, where it starts closing elements itself
    private static final int MAX_ATTRIBUTES = 256; // jsoup keeps 512

    private enum Mode { INITIAL, BEFORE_HEAD, IN_HEAD, AFTER_HEAD, IN_BODY, AFTER_BODY, AFTER_AFTER_BODY }

    /** Unwinds the read to {@link #read}; carries no stack trace, only where the page stopped being plain. */
    private static final class NotPlain extends RuntimeException {
        private final int at; // -1: a character jsoup's tokeniser alters, anywhere
        private final String[] open;

        private NotPlain(int at, String[] open) {
            super(null, null, false, false);
            this.at = at;
            this.open = open;
        }
    }

    private final String s;
    private final int n;
    private final Listener listener;
    private final TagAttributes attributes;
    private final TagAttributes none; // of the elements the tree builder adds without a tag
    private final String[] stack = new String[MAX_DEPTH + 1];
    private int depth;
    private Mode mode = Mode.INITIAL;
    private boolean selfClosing;
    private boolean formOpen;
    private boolean doctypeSeen;
    private int foreignRoot = -1; // the stack index of the open svg element, -1 outside one
    private int token; // where the markup being read starts: what a decline names

    private PlainMarkup(String html, Listener listener) {
        this.s = html;
        this.n = html.length();
        this.listener = listener;
        this.attributes = new TagAttributes(html);
        this.none = new TagAttributes(html);
    }

    /** Tells listener the tree of html; false when html is not plain (listener has then heard part of it). */
    static boolean read(String html, Listener listener) {
        return attempt(html, listener) == null;
    }

    /**
     * Where html stops being plain markup: the markup there and the elements open, e.g. {@code <table> (in html
     * body div)}; null when it is plain. For tests and for finding out why pages of a site take the slow path.
     */
    static String declinedAt(String html) {
        NotPlain declined = attempt(html, IGNORING);
        if (declined == null) return null;
        if (declined.at < 0) return "NUL or U+FFFF";
        String markup = html.substring(declined.at, Math.min(html.length(), declined.at + 40)).replaceAll("\\s+", " ");
        return markup + " (in " + String.join(" ", declined.open) + ")";
    }

    /** Reads html to listener: null when it is plain, else where it stopped being so. */
    private static NotPlain attempt(String html, Listener listener) {
        if (html.indexOf('\0') >= 0 || html.indexOf('\uFFFF') >= 0) {
            return new NotPlain(-1, new String[0]); // jsoup's tokeniser alters them
        }
        try {
            new PlainMarkup(html, listener).run();
            return null;
        } catch (NotPlain e) {
            return e;
        }
    }

    /** A listener that hears nothing: for {@link #declinedAt}. */
    private static final Listener IGNORING = new Listener() {
        @Override
        public void open(String name, TagAttributes attributes) { }

        @Override
        public void close() { }

        @Override
        public void text(String text) { }

        @Override
        public boolean wantsText() {
            return false;
        }
    };

    private NotPlain notPlain() {
        return new NotPlain(token, java.util.Arrays.copyOf(stack, depth));
    }

    private void run() {
        int textFrom = 0;
        int pos = 0;
        while (true) {
            int lt = s.indexOf('<', pos);
            if (lt < 0 || lt + 1 >= n) {
                text(textFrom, n);
                break;
            }
            char c = s.charAt(lt + 1);
            if (isLetter(c)) {
                text(textFrom, lt);
                token = lt;
                pos = tag(lt + 1, true);
            } else if (c == '/') {
                text(textFrom, lt);
                token = lt;
                if (lt + 2 >= n || !isLetter(s.charAt(lt + 2))) throw notPlain(); // "</>", a bogus comment
                pos = tag(lt + 2, false);
            } else if (c == '!') {
                text(textFrom, lt);
                token = lt;
                pos = markupDeclaration(lt + 2);
            } else if (c == '?') {
                token = lt;
                throw notPlain(); // a bogus comment
            } else {
                pos = lt + 1; // '<' then anything else is text, and the text goes on
                continue;
            }
            textFrom = pos;
        }
        if (mode.compareTo(Mode.IN_BODY) < 0) enterBody(); // at the end jsoup has made html, head and body all the same
        while (depth > 0) pop();
    }

    // ---- text

    /** The characters s[from, to) read in the current mode: a text node in body, ignorable whitespace elsewhere. */
    private void text(int from, int to) {
        if (from >= to) return;
        token = from;
        boolean blank = isBlank(from, to); // never a value (values are trimmed, blank ones skipped)
        if (mode != Mode.IN_BODY) {
            if (blank) return;
            if (mode == Mode.AFTER_BODY || mode == Mode.AFTER_AFTER_BODY) throw notPlain();
            enterBody();
        }
        if (!blank && listener.wantsText()) listener.text(decodedText(from, to));
    }

    private void enterBody() {
        if (mode == Mode.INITIAL) push("html");
        if (mode == Mode.INITIAL || mode == Mode.BEFORE_HEAD) push("head");
        if (mode == Mode.INITIAL || mode == Mode.BEFORE_HEAD || mode == Mode.IN_HEAD) {
            pop(); // head
        }
        push("body");
        mode = Mode.IN_BODY;
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(s.charAt(i))) return false;
        }
        return true;
    }

    private String decodedText(int from, int to) {
        String raw = s.substring(from, to);
        return raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, false);
    }

    // ---- markup other than tags

    /** After "&lt;!": a comment, or the DOCTYPE at the start. */
    private int markupDeclaration(int p) {
        if (s.startsWith("--", p)) {
            int from = p + 2;
            if (s.startsWith(">", from) || s.startsWith("->", from)) throw notPlain(); // "<!-->": ends at once
            int end = s.indexOf("-->", from);
            if (end < 0) throw notPlain();
            for (int i = from; i + 2 < end; i++) { // within the comment only: a search to the end of the page for
                // each comment would make a page of many comments cost its length squared
                if (s.charAt(i) == '-' && s.charAt(i + 1) == '-' && s.charAt(i + 2) == '!') throw notPlain(); // "--!>" ends one too
            }
            return end + 3;
        }
        if (mode == Mode.INITIAL && !doctypeSeen && s.regionMatches(true, p, "doctype", 0, 7)) {
            doctypeSeen = true;
            int gt = s.indexOf('>', p);
            if (gt < 0) throw notPlain();
            return gt + 1;
        }
        throw notPlain(); // CDATA, a late DOCTYPE or a bogus comment
    }

    // ---- tags

    /** A start or end tag whose name starts at p; returns the position after it (and after a text element's end). */
    private int tag(int p, boolean start) {
        int nameEnd = p;
        while (nameEnd < n && isNameChar(s.charAt(nameEnd))) nameEnd++;
        if (nameEnd >= n || !(isSpace(s.charAt(nameEnd)) || s.charAt(nameEnd) == '/' || s.charAt(nameEnd) == '>')) {
            throw notPlain(); // the end of input, or a character jsoup's tokeniser reads differently
        }
        String name = s.substring(p, nameEnd).toLowerCase(Locale.ROOT);
        int after = attributes(nameEnd);
        if (!start) {
            if (selfClosing) throw notPlain();
            endTag(name);
            return after;
        }
        return startTag(name, after);
    }

    /**
     * The attributes from p to the tag's '&gt;', into {@link #attributes}; sets {@link #selfClosing}. Returns the
     * position after the '&gt;'.
     */
    private int attributes(int p) {
        attributes.clear();
        selfClosing = false;
        while (true) {
            while (p < n && isSpace(s.charAt(p))) p++;
            if (p >= n) throw notPlain();
            char c = s.charAt(p);
            if (c == '>') return p + 1;
            if (c == '/') {
                if (p + 1 < n && s.charAt(p + 1) == '>') {
                    selfClosing = true;
                    return p + 2;
                }
                throw notPlain();
            }
            int nameStart = p;
            while (p < n && isAttributeNameChar(s.charAt(p))) p++;
            if (p == nameStart || p >= n) throw notPlain();
            c = s.charAt(p);
            if (!(isSpace(c) || c == '/' || c == '=' || c == '>')) throw notPlain();
            int nameEnd = p;
            int q = p;
            while (q < n && isSpace(s.charAt(q))) q++;
            if (q >= n) throw notPlain();
            if (s.charAt(q) != '=') {
                add(nameStart, nameEnd, -1, -1);
                continue; // p is at the space, '/' or '>' after the name
            }
            q++;
            while (q < n && isSpace(s.charAt(q))) q++;
            if (q >= n) throw notPlain();
            char quote = s.charAt(q);
            if (quote == '"' || quote == '\'') {
                int close = s.indexOf(quote, q + 1);
                if (close < 0) throw notPlain();
                add(nameStart, nameEnd, q + 1, close);
                p = close + 1;
            } else if (quote == '>') {
                add(nameStart, nameEnd, -1, -1);
                p = q;
            } else {
                int end = q;
                while (end < n && !isSpace(s.charAt(end)) && s.charAt(end) != '>') {
                    char v = s.charAt(end);
                    if (v == '"' || v == '\'' || v == '<' || v == '=' || v == '`') throw notPlain();
                    end++;
                }
                add(nameStart, nameEnd, q, end);
                p = end;
            }
        }
    }

    private void add(int nameFrom, int nameTo, int valueFrom, int valueTo) {
        if (attributes.size() >= MAX_ATTRIBUTES) throw notPlain();
        attributes.add(nameFrom, nameTo, valueFrom, valueTo);
    }

    private int startTag(String name, int after) {
        while (true) {
            switch (mode) {
                case INITIAL -> {
                    if (name.equals("html")) {
                        if (selfClosing) throw notPlain();
                        open(name);
                        mode = Mode.BEFORE_HEAD;
                        return after;
                    }
                    push("html");
                    mode = Mode.BEFORE_HEAD;
                }
                case BEFORE_HEAD -> {
                    if (name.equals("head")) {
                        if (selfClosing) throw notPlain();
                        open(name);
                        mode = Mode.IN_HEAD;
                        return after;
                    }
                    if (name.equals("html")) throw notPlain(); // its attributes would merge onto the root
                    push("head");
                    mode = Mode.IN_HEAD;
                }
                case IN_HEAD -> {
                    switch (name) {
                        case "meta", "link", "base", "basefont", "bgsound" -> {
                            openVoid(name);
                            return after;
                        }
                        case "title", "style", "script" -> {
                            return textElement(name, after);
                        }
                        case "html", "head", "noscript", "template", "noframes", "command", "body", "frameset" -> {
                            if (!name.equals("body")) throw notPlain();
                            pop(); // head
                            mode = Mode.AFTER_HEAD;
                        }
                        default -> {
                            pop(); // head
                            mode = Mode.AFTER_HEAD;
                        }
                    }
                }
                case AFTER_HEAD -> {
                    if (name.equals("body")) {
                        if (selfClosing) throw notPlain();
                        open(name);
                        mode = Mode.IN_BODY;
                        return after;
                    }
                    switch (name) { // these would be put back into head, or change the document
                        case "html", "head", "frameset", "base", "basefont", "bgsound", "link", "meta", "noframes",
                             "script", "style", "template", "title", "command" -> throw notPlain();
                        default -> {
                            push("body");
                            mode = Mode.IN_BODY;
                        }
                    }
                }
                case IN_BODY -> {
                    return bodyStartTag(name, after);
                }
                default -> throw notPlain(); // markup after the body ended
            }
        }
    }

    /** A start tag in body. */
    private int bodyStartTag(String name, int after) {
        if (foreignRoot >= 0) return svgStartTag(name, after);
        if (onStack("p") && !ElementSets.PHRASING.contains(name)) {
            // jsoup closes an open p before a block; when the p is not the current element, what is inside it would
            // be closed or recreated too: left to jsoup
            if (!ElementSets.CLOSES_P.contains(name) || !top().equals("p")) throw notPlain();
            pop();
            if (onStack("p")) throw notPlain();
        }
        switch (name) {
            case "a" -> {
                if (onStack("a")) throw notPlain(); // the adoption agency closes the first
            }
            case "li" -> {
                if (top().equals("li")) pop(); // an li ends the open one
                closesNothing("li", "ul", "ol", "menu");
            }
            case "dd", "dt" -> {
                if (top().equals("dd") || top().equals("dt")) pop();
                closesNothing("dd", "dl", null, null);
                closesNothing("dt", "dl", null, null);
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                if (depth > 0 && ElementSets.HEADINGS.contains(stack[depth - 1])) throw notPlain();
            }
            case "form" -> {
                if (formOpen) throw notPlain(); // ignored by jsoup
            }
            case "button" -> {
                if (onStack("button")) throw notPlain();
            }
            case "svg" -> {
                if (selfClosing) { // jsoup acknowledges a self-closed foreign element
                    openVoid(name);
                    return after;
                }
                open(name);
                foreignRoot = depth - 1;
                return after;
            }
            case "noscript" -> {
                // jsoup parses it as an island of plain markup, closed by </noscript>: as plain as the rest here
                if (onStack("noscript")) throw notPlain();
            }
            case "title", "textarea", "style", "xmp", "iframe", "noembed", "script" -> {
                return textElement(name, after);
            }
            default -> {
                if (ElementSets.NOT_PLAIN_IN_BODY.contains(name)) throw notPlain();
            }
        }
        if (ElementSets.VOID.contains(name)) {
            openVoid(name);
            return after;
        }
        if (selfClosing) throw notPlain(); // jsoup keeps a known non-void element open; a custom one it closes
        if (name.equals("form")) formOpen = true;
        open(name);
        return after;
    }

    /**
     * A start tag inside an svg element: jsoup's foreign-content rules, which for the shapes, groups and text of
     * {@link ElementSets#SVG} only append (a self-closed one ends at once). Attribute names jsoup keeps in svg's case
     * (viewBox) are looked up without regard to case, as jsoup's own lookups are.
     */
    private int svgStartTag(String name, int after) {
        if (!ElementSets.SVG.contains(name)) throw notPlain();
        if (selfClosing) openVoid(name);
        else open(name);
        return after;
    }

    /** A start tag of name does not close an open one: the open one is not found before the stopper. */
    private void closesNothing(String name, String stopper, String stopper2, String stopper3) {
        for (int i = depth - 1; i >= 0; i--) {
            String open = stack[i];
            if (open.equals(name)) throw notPlain();
            if (open.equals(stopper) || open.equals(stopper2) || open.equals(stopper3)) return;
        }
    }

    /**
     * An element whose content jsoup's tokeniser reads as text up to its end tag: RCDATA (title, textarea: character
     * references decoded), RAWTEXT (style, xmp, iframe, noembed) or script data (script, unless it holds "&lt;!--",
     * where the escaped states begin). Returns the position after its end tag.
     */
    private int textElement(String name, int after) {
        if (selfClosing) throw notPlain();
        int end = endOfText(name, after);
        if (name.equals("script") && s.substring(after, end).contains("<!--")) throw notPlain();
        open(name);
        if (end > after && listener.wantsText()) {
            boolean rcdata = name.equals("title") || name.equals("textarea");
            listener.text(rcdata ? decodedText(after, end) : s.substring(after, end));
        }
        int closeAfter = attributes(end + 2 + name.length());
        if (selfClosing) throw notPlain();
        pop();
        return closeAfter;
    }

    /** Where "&lt;/name" starts the element's end tag (followed by whitespace, '/' or '&gt;'), from p. */
    private int endOfText(String name, int p) {
        while (true) {
            int lt = s.indexOf("</", p);
            if (lt < 0) throw notPlain(); // the text runs to the end of input
            int after = lt + 2 + name.length();
            if (after < n && s.regionMatches(true, lt + 2, name, 0, name.length())) {
                char c = s.charAt(after);
                if (isSpace(c) || c == '/' || c == '>') return lt;
            }
            p = lt + 2;
        }
    }

    private void endTag(String name) {
        switch (mode) {
            case IN_HEAD -> {
                if (!name.equals("head")) throw notPlain();
                pop();
                mode = Mode.AFTER_HEAD;
            }
            case IN_BODY -> {
                if (name.equals("body") || name.equals("html")) {
                    // jsoup leaves what is open as it is: the body ends, and only whitespace may follow
                    if (!onStack("body")) throw notPlain();
                    mode = name.equals("body") ? Mode.AFTER_BODY : Mode.AFTER_AFTER_BODY;
                } else if (foreignRoot >= 0) {
                    if (!top().equals(name)) throw notPlain(); // jsoup would look through the stack for it
                    pop();
                    if (depth == foreignRoot) foreignRoot = -1;
                } else {
                    if (ElementSets.ENDS_OPEN_P.contains(name)) {
                        // jsoup's implied end tags: an open p, li, dd or dt inside the element ends first
                        while (!top().equals(name) && ElementSets.IMPLIED_END.contains(top())) pop();
                    }
                    if (!top().equals(name)) throw notPlain();
                    if (name.equals("form")) formOpen = false;
                    pop();
                }
            }
            case AFTER_BODY -> {
                if (!name.equals("html")) throw notPlain();
                mode = Mode.AFTER_AFTER_BODY;
            }
            default -> throw notPlain();
        }
    }

    // ---- the stack

    private void open(String name) {
        if (depth == MAX_DEPTH) throw notPlain();
        stack[depth++] = name;
        listener.open(name, attributes);
    }

    private void openVoid(String name) {
        if (depth == MAX_DEPTH) throw notPlain();
        listener.open(name, attributes);
        listener.close();
    }

    /** An element the tree builder adds without a tag (html, head, body): no attributes. */
    private void push(String name) {
        if (depth == MAX_DEPTH) throw notPlain();
        stack[depth++] = name;
        listener.open(name, none);
    }

    private void pop() {
        depth--;
        listener.close();
    }

    /** The current element's name ("" when none is open). */
    private String top() {
        return depth == 0 ? "" : stack[depth - 1];
    }

    private boolean onStack(String name) {
        for (int i = depth - 1; i >= 0; i--) {
            if (stack[i].equals(name)) return true;
        }
        return false;
    }

    // ---- characters

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** Printable ASCII but for what ends or breaks an attribute name in jsoup's tokeniser. */
    private static boolean isAttributeNameChar(char c) {
        return c > ' ' && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '=' && c != '>' && c != '/';
    }
}
