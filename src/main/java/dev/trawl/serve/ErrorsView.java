package dev.trawl.serve;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * `/errors`: failed pages grouped by reason and host, what `trawl crawl --retry-failed` would fetch again and the
 * command that does it; `/errors?reason=R&host=H` lists one group's URLs.
 */
final class ErrorsView implements View {
    private final ReportQueries queries;
    private final Layout layout;
    private final String target;

    /** @param target the --db target as the user gave it, for the command shown (without any password) */
    ErrorsView(ReportQueries queries, Layout layout, String target) {
        this.queries = queries;
        this.layout = layout;
        this.target = target;
    }

    @Override
    public Response answer(String rawQuery) {
        Params p = Params.parse(rawQuery, Set.of("reason", "host"));
        if (p.get("reason") != null || p.get("host") != null) return group(p);
        List<Overview.ErrorGroup> groups = queries.errorGroups();
        StringBuilder body = new StringBuilder(8192);
        long failed = groups.stream().mapToLong(Overview.ErrorGroup::count).sum();
        long retryable = groups.stream().mapToLong(Overview.ErrorGroup::retryable).sum();
        body.append("<p id=\"error-summary\">").append(Format.count(failed)).append(" failed pages");
        if (groups.size() >= ReportQueries.MAX_ERROR_GROUPS) body.append(" in the largest ").append(ReportQueries.MAX_ERROR_GROUPS).append(" groups");
        body.append("; <strong>").append(Format.count(retryable)).append("</strong> of them can be fetched again (errors and 5xx;"
                + " robots.txt denials and 4xx answers are final).</p>");
        retryCommand(body);
        if (groups.isEmpty()) body.append("<p class=\"muted\">no failed pages</p>");
        else table(body, groups);
        return Response.html(layout.page("errors", "Errors", body.toString()));
    }

    private void retryCommand(StringBuilder body) {
        List<String> seeds = queries.seeds();
        String command = "trawl crawl " + seeds.stream().map(ErrorsView::shellWord).collect(Collectors.joining(" "))
                + " --db " + shellWord(target) + " --retry-failed";
        body.append("<p>To fetch them again, run the crawl once more with <code>--retry-failed</code> (and the options it was"
                        + " started with):</p><pre class=\"command\" id=\"retry-command\">").append(Html.text(command)).append("</pre>");
    }

    /** A word the shell takes literally: plain ones as they are, others in single quotes. */
    static String shellWord(String word) {
        if (word.matches("[A-Za-z0-9_@%+=:,./-]+")) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The groups as a table, each linking to its URLs. */
    static void table(StringBuilder body, List<Overview.ErrorGroup> groups) {
        body.append("<table class=\"data errors\"><thead><tr><th>reason</th><th>host</th><th class=\"num\">pages</th>"
                + "<th class=\"num\">retryable</th></tr></thead><tbody>");
        for (Overview.ErrorGroup g : groups) {
            String href = "/errors?reason=" + Params.encode(g.reason()) + "&host=" + Params.encode(g.host());
            body.append("<tr><td><a href=\"").append(Html.text(href)).append("\">").append(Html.text(g.reason())).append("</a></td><td>")
                    .append(Html.text(g.host())).append("</td><td class=\"num\">").append(Format.count(g.count()))
                    .append("</td><td class=\"num\">").append(Format.count(g.retryable())).append("</td></tr>");
        }
        body.append("</tbody></table>");
    }

    private Response group(Params p) {
        String reason = p.get("reason");
        String host = p.get("host");
        if (reason == null || host == null) throw BadRequest.of("reason and host go together");
        List<PageList.Row> rows = queries.failedPages(reason, host);
        StringBuilder body = new StringBuilder(8192);
        body.append("<p>").append(Html.text(reason)).append(" on ").append(Html.text(host)).append(": ");
        body.append(rows.size() >= ReportQueries.MAX_ERROR_URLS ? "the first " + ReportQueries.MAX_ERROR_URLS : Format.count(rows.size()))
                .append(" pages. <a href=\"/errors\">All errors</a></p>");
        PagesView.table(body, rows, null);
        return Response.html(layout.page("errors", "Errors: " + reason, body.toString()));
    }
}
