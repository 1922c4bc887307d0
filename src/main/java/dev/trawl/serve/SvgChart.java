package dev.trawl.serve;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts drawn on the server as inline SVG: no script, no library fetched by the browser, the page readable
 * offline and in any browser. Each bar carries a {@code <title>} with its exact number (a tooltip), and every chart
 * is followed on the page by a table of the same numbers.
 */
final class SvgChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 180;
    /** The timeline spans the page: wider, so its text stays the size of the other charts'. */
    private static final int WIDE = 1280;
    private static final int LEFT = 48;
    private static final int BOTTOM = 22;
    private static final int TOP = 8;

    private SvgChart() {}

    /** Vertical bars, one per count, labelled underneath (every few when there are many). */
    static String columns(String label, List<Overview.Count> counts) {
        long max = counts.stream().mapToLong(Overview.Count::count).max().orElse(0);
        StringBuilder svg = open(label, max, WIDTH);
        double slot = (WIDTH - LEFT) / (double) Math.max(1, counts.size());
        int every = Math.max(1, (int) Math.ceil(counts.size() / 12.0));
        for (int i = 0; i < counts.size(); i++) {
            Overview.Count c = counts.get(i);
            double x = LEFT + i * slot;
            bar(svg, x + slot * 0.1, slot * 0.8, 0, c.count(), max, "bar", c.label() + ": " + String.format(Locale.ROOT, "%,d", c.count()));
            if (i % every == 0) {
                svg.append("<text class=\"axis\" x=\"").append(fmt(x + slot / 2)).append("\" y=\"").append(HEIGHT - 6)
                        .append("\" text-anchor=\"middle\">").append(Html.text(c.label())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Stacked vertical bars: for each bucket, one segment per series (in the map's order), each series drawn with
     * the CSS class {@code s-NAME}. Values are per bucket; labels name the first and last bucket.
     */
    static String stacked(String label, Map<String, double[]> series, int buckets, String firstLabel, String lastLabel,
                          String unit) {
        double max = 0;
        for (int i = 0; i < buckets; i++) {
            double sum = 0;
            for (double[] s : series.values()) sum += s[i];
            max = Math.max(max, sum);
        }
        StringBuilder svg = open(label, max, WIDE);
        double slot = (WIDE - LEFT) / (double) Math.max(1, buckets);
        for (int i = 0; i < buckets; i++) {
            double base = 0;
            for (Map.Entry<String, double[]> s : series.entrySet()) {
                double v = s.getValue()[i];
                if (v <= 0) continue;
                bar(svg, LEFT + i * slot + slot * 0.05, Math.max(1, slot * 0.9), base, v, max, "s-" + s.getKey(),
                        s.getKey() + ": " + String.format(Locale.ROOT, "%,.1f", v) + " " + unit);
                base += v;
            }
        }
        svg.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 6).append("\">")
                .append(Html.text(firstLabel)).append("</text>");
        svg.append("<text class=\"axis\" x=\"").append(WIDE).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"end\">").append(Html.text(lastLabel)).append("</text>");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String label, double max, int width) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.text(label)).append("\">");
        int plotBottom = HEIGHT - BOTTOM;
        svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(width).append("\" y1=\"").append(plotBottom)
                .append("\" y2=\"").append(plotBottom).append("\"/>");
        svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(width).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(TOP).append("\"/>");
        svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 4).append("\" text-anchor=\"end\">")
                .append(Html.text(compact(max))).append("</text>");
        svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(plotBottom).append("\" text-anchor=\"end\">0</text>");
        return svg;
    }

    private static void bar(StringBuilder svg, double x, double width, double base, double value, double max, String cls, String title) {
        if (max <= 0 || value <= 0) return;
        double plot = HEIGHT - BOTTOM - TOP;
        double h = Math.max(1, value / max * plot);
        double y = HEIGHT - BOTTOM - base / max * plot - h;
        svg.append("<rect class=\"").append(Html.text(cls)).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                .append("\" width=\"").append(fmt(width)).append("\" height=\"").append(fmt(h)).append("\"><title>")
                .append(Html.text(title)).append("</title></rect>");
    }

    private static String compact(double v) {
        if (v >= 1e6) return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        if (v >= 1e4) return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
