package dev.trawl.crawl;

import dev.trawl.frontier.SkipReason;
import dev.trawl.parse.ParsedPage;
import java.util.List;

/**
 * A parsed page plus the links the crawl may follow (in scope, accepted by the filters, not too deep) and the ones
 * it would follow but a trap rule refuses; or, with page null, the error code of a page that could not be given the
 * memory its parse needs.
 */
record PageAnalysis(ParsedPage page, List<String> followable, List<Trapped> trapped, String error) {
    static final PageAnalysis NONE = new PageAnalysis(null, List.of(), List.of());

    PageAnalysis {
        followable = List.copyOf(followable);
        trapped = List.copyOf(trapped);
    }

    PageAnalysis(ParsedPage page, List<String> followable, List<Trapped> trapped) {
        this(page, followable, trapped, null);
    }

    static PageAnalysis refused(String error) {
        return new PageAnalysis(null, List.of(), List.of(), error);
    }

    /** A link a trap rule refused, and which rule. */
    record Trapped(String url, SkipReason reason) {}
}
