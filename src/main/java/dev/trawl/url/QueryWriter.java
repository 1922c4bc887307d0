package dev.trawl.url;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Appends a query in de-duplication form ({@link DedupKey}), as crawler-commons' BasicURLNormalizer does by default:
 * escapes normalised, empty parameters and parameters without a name dropped, "name=" shortened to "name", session
 * parameters dropped, and parameters stably sorted by name (so "?b=1&amp;a=2" and "?a=2&amp;b=1" dedup to one page;
 * repeated names keep their order). Never used for the request: a server may read the order or an empty parameter.
 */
final class QueryWriter {
    private static final Comparator<String> BY_NAME = Comparator.comparing(QueryWriter::name);

    private final SessionParams paramsToRemove;

    /** {@code paramsToRemove}: the parameters to drop (session ids). */
    QueryWriter(SessionParams paramsToRemove) {
        this.paramsToRemove = paramsToRemove;
    }

    /** Appends "?" and the query s[from, to), or nothing when no parameter survives. */
    void append(StringBuilder out, String s, int from, int to) {
        int mark = out.length();
        out.append('?');
        int count = 0;
        int prevName = -1;
        int prevNameEnd = -1;
        boolean sorted = true;
        for (int start = from; start <= to; ) {
            int end = s.indexOf('&', start);
            end = end < 0 || end > to ? to : end;
            int before = out.length();
            if (count > 0) {
                out.append('&');
            }
            int param = out.length();
            PercentEncoding.append(out, s, start, end, PercentEncoding.QUERY_LO, PercentEncoding.QUERY_HI);
            int nameEnd = nameEnd(out, param);
            if (nameEnd == param || isRemoved(out, param, nameEnd)) {
                out.setLength(before);
            } else {
                if (nameEnd == out.length() - 1) {
                    out.setLength(nameEnd); // "b=" means the same as "b" to almost every server
                }
                sorted &= count == 0 || compare(out, prevName, prevNameEnd, param, nameEnd) <= 0;
                prevName = param;
                prevNameEnd = nameEnd;
                count++;
            }
            start = end + 1;
        }
        if (count == 0) {
            out.setLength(mark);
        } else if (!sorted) {
            sort(out, mark + 1);
        }
    }

    private static int nameEnd(StringBuilder out, int from) {
        int eq = out.indexOf("=", from);
        return eq < 0 ? out.length() : eq;
    }

    private boolean isRemoved(StringBuilder out, int from, int to) {
        return paramsToRemove.matches(out, from, to);
    }

    private static int compare(StringBuilder out, int a, int aEnd, int b, int bEnd) {
        int n = Math.min(aEnd - a, bEnd - b);
        for (int i = 0; i < n; i++) {
            int d = out.charAt(a + i) - out.charAt(b + i);
            if (d != 0) {
                return d;
            }
        }
        return (aEnd - a) - (bEnd - b);
    }

    /** The rare case: rewrite the parameters after {@code from} in name order. */
    private static void sort(StringBuilder out, int from) {
        List<String> params = new ArrayList<>(Arrays.asList(out.substring(from).split("&")));
        params.sort(BY_NAME); // List.sort is stable: equal names keep their order
        out.setLength(from);
        out.append(String.join("&", params));
    }

    private static String name(String param) {
        int eq = param.indexOf('=');
        return eq < 0 ? param : param.substring(0, eq);
    }
}
