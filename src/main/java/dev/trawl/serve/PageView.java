package dev.trawl.serve;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * `/page?id=N` (or {@code ?url=U}): one URL, every stored column of its frontier and pages rows shown as stored
 * (columns a later schema adds, such as headers or a WARC location, appear without a change here), its outlinks
 * and the pages that link to it.
 */
final class PageView implements View {
    private static final Set<String> LINK_COLUMNS = Set.of("url", "final_url", "canonical");

    private final ReportQueries queries;
    private final Layout layout;

    PageView(ReportQueries queries, Layout layout) {
        this.queries = queries;
        this.layout = layout;
    }

    @Override
    public Response answer(String rawQuery) {
        Params p = Params.parse(rawQuery, Set.of("id", "url"));
        Long id = p.get("url") != null ? queries.idOf(p.get("url")) : (Long) p.number("id", 1, Long.MAX_VALUE, -1);
        if (id == null) throw BadRequest.notFound("no such URL in this crawl: " + p.get("url"));
        if (id < 0) throw BadRequest.of("id or url: one is required");
        PageDetail d = queries.detail(id);
        if (d == null) throw BadRequest.notFound("no URL with id " + id + " in this crawl");
        StringBuilder body = new StringBuilder(16_384);
        body.append("<p class=\"page-url\">").append(Html.externalLink(d.url())).append("</p>");
        columns(body, "Page", "page-row", d.page());
        if (d.page() == null) body.append("<p class=\"muted\">not attempted yet (pending)</p>");
        columns(body, "Frontier", "frontier-row", d.frontier());
        links(body, "Outlinks", "outlinks", d.outlinks(), d.outlinkCount(), ReportQueries.MAX_OUTLINKS);
        links(body, "Inlinks", "inlinks", d.inlinks(), d.inlinks().size(), ReportQueries.MAX_INLINKS);
        String title = d.page() != null && d.page().get("title") != null ? d.page().get("title") : d.url();
        return Response.html(layout.page("pages", title, body.toString()));
    }

    private static void columns(StringBuilder body, String title, String id, Map<String, String> row) {
        if (row == null) return;
        body.append("<section><h2>").append(title).append("</h2><table class=\"data fields\" id=\"").append(id).append("\"><tbody>");
        for (Map.Entry<String, String> c : row.entrySet()) {
            body.append("<tr><th>").append(Html.text(c.getKey())).append("</th><td data-column=\"").append(Html.text(c.getKey())).append("\">");
            String v = c.getValue();
            if (v == null) body.append("<span class=\"muted\">null</span>");
            else if (LINK_COLUMNS.contains(c.getKey())) body.append(Html.externalLink(v));
            else if (v.length() > 200 || v.indexOf('\n') >= 0 || v.startsWith("{") || v.startsWith("[")) body.append("<pre>").append(Html.text(v)).append("</pre>");
            else body.append(Html.text(v));
            body.append("</td></tr>");
        }
        body.append("</tbody></table></section>");
    }

    private static void links(StringBuilder body, String title, String id, List<PageDetail.Link> links, int total, int max) {
        body.append("<section><h2>").append(title).append(" <span class=\"muted\">(").append(Format.count(total));
        if (total > links.size() || links.size() >= max) body.append(", the first ").append(links.size()).append(" shown");
        body.append(")</span></h2><ul class=\"links\" id=\"").append(id).append("\">");
        for (PageDetail.Link l : links) {
            body.append("<li>");
            if (l.id() != null) body.append("<a href=\"/page?id=").append(l.id()).append("\">").append(Html.text(l.url())).append("</a>");
            else body.append(Html.text(l.url())).append(" <span class=\"muted\">(not crawled)</span>");
            body.append("</li>");
        }
        body.append("</ul></section>");
    }
}
