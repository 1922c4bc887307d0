package dev.trawl.parse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * The raw values trawl wants from a page. Hrefs are kept as written, because the base href they resolve against may
 * come after them.
 *
 * <p>Two readers fill it: {@link #of(Document)} walks a jsoup DOM, and {@link TagScanner} reads the tags of the
 * page without building one. Both feed their elements, in document order, to the same rules below ({@link #title},
 * {@link #base}, ...), so the only thing the scanner has to get right is which elements exist, in what order and
 * with what attribute values.
 */
final class DocumentScan {
    String title;
    String baseHref;
    String description;
    String canonicalHref;
    String language;
    /** Hrefs as written, in document order: every one up to {@link PageLimits#MAX_LINKS}, then distinct ones only. */
    final List<String> linkHrefs = new ArrayList<>(64);
    /** Made when linkHrefs reaches the cap: the distinct hrefs kept, to tell a repeat from a new href to cut. */
    private Set<String> keptHrefs;
    /** Distinct hrefs past the cap (a cut href that repeats counts each time: a set of them would be unbounded). */
    int hrefsCut;
    // What AppShell decides from: script elements, characters of text outside script, style, title, textarea and
    // noscript (each run between tags trimmed), and whether a noscript's text mentions JavaScript.
    int scripts;
    long textChars;
    boolean noscriptAsksForScript;

    DocumentScan() {}

    static DocumentScan of(Document doc) {
        DocumentScan scan = new DocumentScan();
        for (Element el : doc.getAllElements()) {
            scan.visit(el);
        }
        Element root = doc.firstElementChild();
        if (root != null) {
            scan.language(attr(root, "lang"));
        }
        return scan;
    }

    private void visit(Element el) {
        shellSigns(el);
        switch (el.normalName()) {
            case "a", "area" -> link(attr(el, "href"));
            case "frame", "iframe" -> link(attr(el, "src"));
            case "title" -> {
                // An SVG <title> is a tooltip, not the document title
                if (Parser.NamespaceHtml.equals(el.tag().namespace())) {
                    title(el.wholeText());
                }
            }
            case "base" -> base(attr(el, "href"));
            case "meta" -> meta(attr(el, "name"), attr(el, "content"));
            case "link" -> linkElement(attr(el, "rel"), attr(el, "href"));
            default -> { }
        }
    }

    /** The app-shell signals of one element: its own text runs, as the tag scanner counts them between tags. */
    private void shellSigns(Element el) {
        switch (el.normalName()) {
            case "script" -> scripts++;
            case "title", "textarea", "style" -> { }
            case "noscript" -> {
                String text = el.text();
                noscriptAsksForScript |= AppShell.mentionsJavaScript(text, 0, text.length());
            }
            default -> {
                for (org.jsoup.nodes.TextNode text : el.textNodes()) {
                    String t = text.getWholeText();
                    textChars += AppShell.trimmedLength(t, 0, t.length());
                }
            }
        }
    }

    /** The attribute's value, null when the element has no such attribute (a valueless attribute is ""). */
    private static String attr(Element el, String name) {
        return el.hasAttr(name) ? el.attr(name) : null;
    }

    // The rules, one per element kind. Each takes attribute values as the element has them: null when absent.

    /**
     * A huge page: elements through jsoup's StreamParser, each dropped from the tree once read, so that only the open
     * elements are in memory. Elements come as they close, which is document order except that an element comes
     * after the elements inside it.
     */
    static DocumentScan ofStream(String html) {
        DocumentScan scan = new DocumentScan();
        try (StreamParser parser = new StreamParser(Parser.htmlParser()).parse(html, "")) {
            Iterator<Element> elements = parser.iterator();
            while (elements.hasNext()) {
                Element el = elements.next();
                scan.visit(el);
                if (el.parent() instanceof Document) {
                    scan.language(attr(el, "lang"));
                }
                el.remove();
            }
        }
        return scan;
    }

    /** An a, area, frame or iframe element with its href (src) value; past the cap, new hrefs are only counted. */
    void link(String href) {
        if (href == null) {
            return;
        }
        if (keptHrefs == null) {
            linkHrefs.add(href);
            if (linkHrefs.size() == PageLimits.MAX_LINKS) {
                keptHrefs = new LinkedHashSet<>(linkHrefs);
                linkHrefs.clear();
                linkHrefs.addAll(keptHrefs);
            }
        } else if (!keptHrefs.contains(href)) {
            if (keptHrefs.size() < PageLimits.MAX_LINKS) {
                keptHrefs.add(href);
                linkHrefs.add(href);
            } else {
                hrefsCut++;
            }
        }
    }

    /** An HTML title element with its text; the first one is the title. */
    void title(String text) {
        if (title == null) {
            title = Whitespace.collapse(text, PageLimits.MAX_TITLE_CHARS);
        }
    }

    /** A base element; the spec uses the first base that has an href. */
    void base(String href) {
        if (baseHref == null && href != null) {
            baseHref = href;
        }
    }

    /** A meta element; the first name=description (any case) with a content attribute is the description. */
    void meta(String name, String content) {
        if (description == null && name != null && name.equalsIgnoreCase("description") && content != null) {
            description = Whitespace.collapse(content, PageLimits.MAX_DESCRIPTION_CHARS);
        }
    }

    /** A link element; the first with an href and a rel holding the token "canonical" is the canonical URL. */
    void linkElement(String rel, String href) {
        if (canonicalHref == null && href != null && Whitespace.hasToken(rel == null ? "" : rel, "canonical")) {
            canonicalHref = href;
        }
    }

    /** The lang attribute of the document's root element, null when it has none. */
    void language(String lang) {
        language = lang == null ? null : PageLimits.truncate(Whitespace.strip(lang), PageLimits.MAX_LANGUAGE_CHARS);
    }
}
