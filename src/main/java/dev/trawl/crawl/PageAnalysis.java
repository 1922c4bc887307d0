package dev.trawl.crawl;

import dev.trawl.parse.ParsedPage;
import java.util.List;

/** A parsed page plus the links the crawl may follow (in scope, accepted by the filters, not too deep). */
record PageAnalysis(ParsedPage page, List<String> followable) {
    static final PageAnalysis NONE = new PageAnalysis(null, List.of());
}
