package dev.trawl.serve;

import java.util.List;
import java.util.Map;

/**
 * One URL's rows, every column as stored (so columns that later schema versions add show up unchanged), and its
 * links.
 *
 * @param frontier  the frontier row's columns by name
 * @param page      the pages row's columns by name, or null when the URL has not been attempted
 * @param outlinks  the URLs the page links to, in page order, each with its frontier id when known (else null)
 * @param outlinkCount how many outlinks the page has (outlinks holds at most {@link ReportQueries#MAX_OUTLINKS})
 * @param inlinks   pages that link here, at most {@link ReportQueries#MAX_INLINKS}
 */
record PageDetail(long id, String url, Map<String, String> frontier, Map<String, String> page, List<Link> outlinks,
                  int outlinkCount, List<Link> inlinks) {
    /** A link target or source; id is null for a URL the crawl does not know (out of scope, filtered). */
    record Link(Long id, String url) {}
}
