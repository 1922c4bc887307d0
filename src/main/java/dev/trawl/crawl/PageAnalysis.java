package dev.trawl.crawl;

import dev.trawl.frontier.SkipReason;
import dev.trawl.parse.ParsedPage;
import java.util.List;

/**
 * A parsed page plus the links the crawl may follow (in scope, accepted by the filters, not too deep) and the ones
 * it would follow but a trap rule refuses, and the fields its extraction rules found (a JSON object, null when no
 * rule applies); or, with page null, the error code of a page that could not be given the memory its parse needs.
 * rendered: the page was loaded in the browser (--render) and all of this is read from its rendered DOM rather than
 * from the HTML the server sent.
 */
record PageAnalysis(ParsedPage page, List<String> followable, List<Trapped> trapped, String fields, String error,
                    boolean rendered) {
    static final PageAnalysis NONE = new PageAnalysis(null, List.of(), List.of(), null, null, false);

    PageAnalysis {
        followable = List.copyOf(followable);
        trapped = List.copyOf(trapped);
    }

    static PageAnalysis refused(String error) {
        return new PageAnalysis(null, List.of(), List.of(), null, error, false);
    }

    /** This analysis, of a rendered DOM, marked so; the charset stays the one the server's bytes were decoded with. */
    PageAnalysis asRendered(String charset) {
        ParsedPage p = page;
        ParsedPage kept = p == null ? null : new ParsedPage(p.title(), p.outlinks(), p.description(), p.canonical(),
                p.language(), charset, p.linksCut(), p.appShell());
        return new PageAnalysis(kept, followable, trapped, fields, error, true);
    }

    /** A link a trap rule refused, and which rule. */
    record Trapped(String url, SkipReason reason) {}
}
