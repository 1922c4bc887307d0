package dev.trawl.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * `/pages`: every attempted URL in a table, searched (substring of URL or title), filtered by status class, sorted by
 * any column and paged by keyset ({@code after}/{@code before} name the row next to the page), so the millionth row
 * costs what the first does.
 */
final class PagesView implements View {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> PARAMS = Set.of("q", "status", "sort", "dir", "after", "before", "limit");
    private static final Set<String> SORTS = Arrays.stream(PageList.Sort.values()).map(PageList.Sort::param).collect(Collectors.toSet());

    private final ReportQueries queries;
    private final Layout layout;

    PagesView(ReportQueries queries, Layout layout) {
        this.queries = queries;
        this.layout = layout;
    }

    @Override
    public Response answer(String rawQuery) {
        Params p = Params.parse(rawQuery, PARAMS);
        PageList.Sort sort = PageList.Sort.valueOf(p.choice("sort", SORTS, "id").toUpperCase(java.util.Locale.ROOT));
        boolean descending = p.choice("dir", Set.of("asc", "desc"), "asc").equals("desc");
        PageList.Cursor after = cursor(p, "after", sort);
        PageList.Cursor before = cursor(p, "before", sort);
        if (after != null && before != null) throw BadRequest.of("after and before: give one, not both");
        String search = p.get("q") == null ? null : p.get("q").strip();
        var query = new PageList.Query(search == null || search.isEmpty() ? null : search,
                p.choice("status", ReportQueries.STATUS_FILTERS, null), sort, descending, after, before,
                (int) p.number("limit", 1, MAX_LIMIT, DEFAULT_LIMIT));
        PageList.Slice slice = queries.pages(query);
        StringBuilder body = new StringBuilder(32_768);
        form(body, query, queries.countPages());
        table(body, slice.rows(), query);
        pager(body, query, slice);
        return Response.html(layout.page("pages", "Pages", body.toString()));
    }

    /** "ID" or "ID:KEY"; the key must be what the sort orders by (a number for status and depth). */
    private static PageList.Cursor cursor(Params p, String name, PageList.Sort sort) {
        String v = p.get(name);
        if (v == null) return null;
        int colon = v.indexOf(':');
        String idText = colon < 0 ? v : v.substring(0, colon);
        String key = colon < 0 ? null : v.substring(colon + 1);
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw BadRequest.of(name + ": expected ID or ID:KEY with a numeric ID, got '" + clip(v) + "'");
        }
        if (sort == PageList.Sort.ID) return new PageList.Cursor(id, Long.toString(id));
        if (key == null) throw BadRequest.of(name + ": sorting by " + sort.param() + " needs ID:KEY, got '" + clip(v) + "'");
        if (sort.kind == PageList.Sort.Kind.NUMBER && !key.matches("-?\\d{1,18}")) {
            throw BadRequest.of(name + ": the " + sort.param() + " key must be a whole number, got '" + clip(key) + "'");
        }
        return new PageList.Cursor(id, key);
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static void form(StringBuilder body, PageList.Query q, long total) {
        body.append("<form class=\"search\" method=\"get\" action=\"/pages\">")
                .append("<input type=\"search\" name=\"q\" id=\"q\" placeholder=\"URL or title contains…\" value=\"")
                .append(Html.text(q.search())).append("\" maxlength=\"").append(Params.MAX_VALUE).append("\">")
                .append("<select name=\"status\" id=\"status\"><option value=\"\">any status</option>");
        for (String s : List.of("2xx", "3xx", "4xx", "5xx", "none", "failed")) {
            body.append("<option value=\"").append(s).append('"').append(s.equals(q.statusFilter()) ? " selected" : "").append('>')
                    .append(s.equals("none") ? "no answer" : s.equals("failed") ? "retryable failures" : s).append("</option>");
        }
        body.append("</select>");
        if (q.sort() != PageList.Sort.ID) body.append("<input type=\"hidden\" name=\"sort\" value=\"").append(q.sort().param()).append("\">");
        if (q.descending()) body.append("<input type=\"hidden\" name=\"dir\" value=\"desc\">");
        body.append("<button type=\"submit\">Search</button><span class=\"muted\" id=\"total\">")
                .append(Format.count(total)).append(" pages in all</span></form>");
    }

    /** The rows; with a query, the column headers are sort links. */
    static void table(StringBuilder body, List<PageList.Row> rows, PageList.Query q) {
        body.append("<table class=\"data pages\" id=\"pages\"><thead><tr>");
        header(body, q, PageList.Sort.URL, "URL");
        header(body, q, PageList.Sort.STATUS, "status");
        header(body, q, PageList.Sort.TITLE, "title");
        header(body, q, PageList.Sort.DEPTH, "depth");
        body.append("<th>error</th>");
        header(body, q, PageList.Sort.FETCHED, "fetched at");
        body.append("</tr></thead><tbody>");
        for (PageList.Row r : rows) {
            body.append("<tr data-id=\"").append(r.id()).append("\"><td class=\"url\"><a href=\"/page?id=").append(r.id()).append("\">")
                    .append(Html.text(r.url())).append("</a></td><td class=\"num status\">").append(r.status() == null ? "" : r.status())
                    .append("</td><td class=\"title\">").append(Html.text(r.title())).append("</td><td class=\"num depth\">").append(r.depth())
                    .append("</td><td class=\"err\">").append(Html.text(r.error())).append("</td><td class=\"time\">")
                    .append(Html.text(r.fetchedAt())).append("</td></tr>");
        }
        if (rows.isEmpty()) body.append("<tr><td colspan=\"6\" class=\"muted\">no pages match</td></tr>");
        body.append("</tbody></table>");
    }

    private static void header(StringBuilder body, PageList.Query q, PageList.Sort sort, String label) {
        if (q == null) {
            body.append("<th>").append(label).append("</th>");
            return;
        }
        boolean current = q.sort() == sort;
        boolean nextDescending = current && !q.descending();
        String href = link(q, sort, nextDescending, null, null);
        String arrow = current ? (q.descending() ? " ▼" : " ▲") : "";
        body.append("<th><a class=\"sort\" data-sort=\"").append(sort.param()).append("\" href=\"").append(Html.text(href)).append("\">")
                .append(label).append(arrow).append("</a></th>");
    }

    private static void pager(StringBuilder body, PageList.Query q, PageList.Slice slice) {
        body.append("<nav class=\"pager\">");
        if (slice.hasPrevious() && !slice.rows().isEmpty()) {
            body.append("<a id=\"first\" href=\"").append(Html.text(link(q, q.sort(), q.descending(), null, null))).append("\">« first</a>");
            body.append("<a id=\"prev\" href=\"").append(Html.text(link(q, q.sort(), q.descending(), null, slice.rows().getFirst().cursor())))
                    .append("\">‹ previous</a>");
        }
        if (slice.hasNext() && !slice.rows().isEmpty()) {
            body.append("<a id=\"next\" href=\"").append(Html.text(link(q, q.sort(), q.descending(), slice.rows().getLast().cursor(), null)))
                    .append("\">next ›</a>");
        }
        body.append("</nav>");
    }

    /** The URL of this table with another order or starting point, keeping the search and filter. */
    static String link(PageList.Query q, PageList.Sort sort, boolean descending, PageList.Cursor after, PageList.Cursor before) {
        List<String> params = new ArrayList<>();
        if (q.search() != null) params.add("q=" + Params.encode(q.search()));
        if (q.statusFilter() != null) params.add("status=" + q.statusFilter());
        if (sort != PageList.Sort.ID) params.add("sort=" + sort.param());
        if (descending) params.add("dir=desc");
        if (q.limit() != DEFAULT_LIMIT) params.add("limit=" + q.limit());
        if (after != null) params.add("after=" + cursorText(sort, after));
        if (before != null) params.add("before=" + cursorText(sort, before));
        return "/pages" + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static String cursorText(PageList.Sort sort, PageList.Cursor c) {
        return sort == PageList.Sort.ID ? Long.toString(c.id()) : c.id() + ":" + Params.encode(c.key() == null ? "" : c.key());
    }
}
