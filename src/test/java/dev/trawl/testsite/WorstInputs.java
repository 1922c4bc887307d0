package dev.trawl.testsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The pages that cost a crawler the most memory for their size, served from a {@link TestSite}: each kind under
 * --max-body's default 10 MB, as many of each as asked. Used by the memory tests (MemoryBoundsIT) and by
 * bench/worst-inputs.sh, which runs {@link #main} and crawls it.
 *
 * <ul>
 *   <li>{@code /dense/N}: 750,000 links in 9.75 MB ({@code <a href=XXXX>}, each a new URL)</li>
 *   <li>{@code /gzdense/N}: the same, gzip-compressed (the whole page arrives in ~2 MB and inflates to 9.75 MB)</li>
 *   <li>{@code /svgdense/N}: the same after an {@code <svg>}, so the page needs jsoup's tree builder</li>
 *   <li>{@code /stall/N}: announces Content-Length 10,485,760, sends 100 bytes, then nothing</li>
 *   <li>{@code /bomb/N}: gzip of 1 GB of zeros (1 MB on the wire)</li>
 *   <li>{@code /title/N}: a 9 MB {@code <title>}</li>
 *   <li>{@code /deep/N}: a table, then 9 MB of unclosed {@code <div>}s</li>
 *   <li>{@code /wide/N}: 9.9 MB of windows-1252 text with one euro sign, which Java keeps as UTF-16 (20 MB)</li>
 * </ul>
 */
public final class WorstInputs {
    public static final int DENSE_LINKS = 750_000;
    public static final String KINDS = "dense gzdense svgdense stall bomb title deep wide";
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private WorstInputs() {}

    /** A page of n links {@code <a href=XXXX>}: four base-62 digits each, relative to the page, all distinct. */
    public static byte[] densePage(String before, int n) {
        StringBuilder html = new StringBuilder(before.length() + 13 * n + 64).append(before);
        char[] digits = new char[4];
        for (int i = 0; i < n; i++) {
            int v = i;
            for (int k = 3; k >= 0; k--) {
                digits[k] = DIGITS.charAt(v % 62);
                v /= 62;
            }
            html.append("<a href=").append(digits).append('>');
        }
        return html.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Adds count pages of each kind named in kinds (see {@link #KINDS}; "stall:40" asks for another count of one
     * kind) and an index at "/" linking to all of them; returns the paths of the pages.
     */
    public static List<String> serve(TestSite site, String kinds, int count) throws IOException {
        List<String> paths = new ArrayList<>();
        for (String spec : kinds.trim().split("\\s+")) {
            String kind = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
            int n = spec.contains(":") ? Integer.parseInt(spec.substring(spec.indexOf(':') + 1)) : count;
            Route route = route(kind);
            for (int i = 0; i < n; i++) {
                String path = "/" + kind + "/" + i;
                site.route(path, route::answer);
                paths.add(path);
            }
        }
        var index = new StringBuilder("<!doctype html><title>worst inputs</title>");
        for (String path : paths) index.append("<a href=\"").append(path).append("\">").append(path).append("</a>\n");
        site.html("/", index.toString());
        return paths;
    }

    /** How one kind of page is answered. */
    private interface Route {
        void answer(com.sun.net.httpserver.HttpExchange ex) throws IOException;
    }

    private static Route route(String kind) throws IOException {
        return switch (kind) {
            case "dense" -> fixed("text/html", null, densePage("<!doctype html><title>dense</title>", DENSE_LINKS));
            case "gzdense" -> fixed("text/html", "gzip", gzip(densePage("<!doctype html><title>gzip dense</title>", DENSE_LINKS)));
            case "svgdense" -> fixed("text/html", null, densePage("<!doctype html><title>svg dense</title><svg></svg>", DENSE_LINKS));
            case "stall" -> WorstInputs::stall;
            case "bomb" -> fixed("text/html", "gzip", zeros(1L << 30));
            case "title" -> fixed("text/html", null, ("<title>" + "x ".repeat(4_500_000) + "</title><a href=/>home</a>")
                    .getBytes(StandardCharsets.ISO_8859_1));
            case "deep" -> fixed("text/html", null, ("<table><tr><td>" + "<div>".repeat(1_800_000))
                    .getBytes(StandardCharsets.ISO_8859_1));
            case "wide" -> fixed("text/html; charset=windows-1252", null, wide());
            default -> throw new IllegalArgumentException("no such kind of worst input: " + kind + " (" + KINDS + ")");
        };
    }

    private static Route fixed(String type, String encoding, byte[] body) {
        return ex -> {
            if (encoding != null) ex.getResponseHeaders().set("Content-Encoding", encoding);
            TestSite.send(ex, 200, type, body);
        };
    }

    /** Headers that promise 10 MB, a little of it, then silence until the client gives up. */
    private static void stall(com.sun.net.httpserver.HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(200, 10L * 1024 * 1024);
        OutputStream out = ex.getResponseBody();
        out.write("<!doctype html><title>stalled</title>".repeat(3).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ex.getResponseBody().close();
    }

    private static byte[] wide() {
        byte[] page = ("<!doctype html><title>wide \u0080</title><p>" + "plain latin text ".repeat(580_000))
                .getBytes(StandardCharsets.ISO_8859_1); // 0x80 is the euro sign in windows-1252
        return page;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] zeros(long n) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] block = new byte[1 << 16];
        try (var gz = new GZIPOutputStream(out, 1 << 16)) {
            for (long written = 0; written < n; written += block.length) gz.write(block);
        }
        return out.toByteArray();
    }

    /** Serves the worst inputs until killed: {@code WorstInputs COUNT [KINDS...]}; prints the index URL. */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        String kinds = args.length > 1 ? String.join(" ", List.of(args).subList(1, args.length)) : KINDS;
        TestSite site = TestSite.start();
        serve(site, kinds, count);
        System.out.println(site.url("/"));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
