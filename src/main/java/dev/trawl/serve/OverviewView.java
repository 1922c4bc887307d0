package dev.trawl.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** `/`: the crawl at a glance, from its database. */
final class OverviewView implements View {
    private final ReportQueries queries;
    private final Layout layout;

    OverviewView(ReportQueries queries, Layout layout) {
        this.queries = queries;
        this.layout = layout;
    }

    @Override
    public Response answer(String rawQuery) {
        Params.parse(rawQuery, Set.of());
        Overview o = queries.overview();
        StringBuilder body = new StringBuilder(16_384);
        cards(body, o);
        timeline(body, o);
        body.append("<div class=\"grid2\">");
        section(body, "Latency", "latency", "pages that got an answer, by time to the last byte",
                SvgChart.columns("latency histogram", o.latency()), o.latency());
        section(body, "Depth", "depth", "pages by hops from a seed", SvgChart.columns("depth distribution", o.depths()), o.depths());
        section(body, "Content types", "types", null, SvgChart.columns("content types", o.types()), o.types());
        section(body, "Top hosts", "hosts", null, SvgChart.columns("top hosts", o.hosts()), o.hosts());
        body.append("</div>");
        topErrors(body, o.errors());
        return Response.html(layout.page("overview", "Overview", body.toString()));
    }

    private static void cards(StringBuilder body, Overview o) {
        body.append("<div class=\"cards\" id=\"totals\">");
        card(body, "pages", "pages", Format.count(o.pages()));
        for (Map.Entry<String, Long> c : o.classes().entrySet()) {
            if (c.getValue() > 0 || !c.getKey().equals("1xx")) {
                card(body, "class-" + c.getKey(), c.getKey().equals("none") ? "no answer" : c.getKey(), Format.count(c.getValue()));
            }
        }
        card(body, "pending", "pending", Format.count(o.pending()));
        card(body, "rate", "pages/s", String.format(Locale.ROOT, "%,.1f", o.pagesPerSecond()));
        card(body, "bytes", "body bytes", Format.bytes(o.bytes()));
        body.append("</div><p class=\"muted\">fetched from ").append(Format.time(o.first())).append(" to ").append(Format.time(o.last()))
                .append("</p>");
    }

    private static void card(StringBuilder body, String id, String label, String value) {
        body.append("<div class=\"card\" data-key=\"").append(Html.text(id)).append("\"><div class=\"value\">").append(Html.text(value))
                .append("</div><div class=\"label\">").append(Html.text(label)).append("</div></div>");
    }

    private static void timeline(StringBuilder body, Overview o) {
        Overview.Timeline t = o.timeline();
        body.append("<section><h2>Pages per second by status class</h2>");
        if (t.buckets() == 0) {
            body.append("<p class=\"muted\">no pages yet</p></section>");
            return;
        }
        double seconds = t.width().toMillis() / 1000.0;
        Map<String, double[]> rates = new LinkedHashMap<>();
        t.byClass().forEach((k, counts) -> {
            double[] r = new double[counts.length];
            for (int i = 0; i < counts.length; i++) r[i] = counts[i] / seconds;
            rates.put(k, r);
        });
        body.append("<p class=\"muted\">bars of ").append(Format.duration(t.width())).append("; ");
        for (String k : Overview.CLASSES) body.append("<span class=\"key s-").append(k).append("\">").append(k.equals("none") ? "no answer" : k).append("</span> ");
        body.append("</p>").append(SvgChart.stacked("pages per second by status class", rates, t.buckets(),
                Format.time(t.start()), Format.time(t.start().plus(t.width().multipliedBy(t.buckets()))), "pages/s"));
        body.append("</section>");
    }

    private static void section(StringBuilder body, String title, String id, String note, String svg, List<Overview.Count> counts) {
        body.append("<section id=\"").append(id).append("\"><h2>").append(Html.text(title)).append("</h2>");
        if (note != null) body.append("<p class=\"muted\">").append(Html.text(note)).append("</p>");
        body.append(svg).append("<details><summary>numbers</summary><table class=\"data\"><tbody>");
        for (Overview.Count c : counts) {
            body.append("<tr><td>").append(Html.text(c.label())).append("</td><td class=\"num\">").append(Format.count(c.count())).append("</td></tr>");
        }
        body.append("</tbody></table></details></section>");
    }

    private static void topErrors(StringBuilder body, List<Overview.ErrorGroup> errors) {
        body.append("<section id=\"top-errors\"><h2>Top errors by host</h2>");
        if (errors.isEmpty()) {
            body.append("<p class=\"muted\">no failed pages</p></section>");
            return;
        }
        ErrorsView.table(body, errors);
        body.append("<p><a href=\"/errors\">All errors, and how to fetch them again</a></p></section>");
    }
}
