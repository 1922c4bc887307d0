package dev.trawl.testsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Sitemap files for tests: an XML urlset, an index, gzip. */
public final class SitemapFiles {
    /** The lastmod every URL of {@link #urlset} has. */
    public static final String LASTMOD = "2024-05-06T07:08:09Z";

    private SitemapFiles() {}

    /** A urlset whose every URL has lastmod {@link #LASTMOD}. */
    public static String urlset(String... locs) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String loc : locs) {
            xml.append("<url><loc>").append(loc).append("</loc><lastmod>").append(LASTMOD).append("</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    public static String index(String... locs) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String loc : locs) {
            xml.append("<sitemap><loc>").append(loc).append("</loc></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gzip(String text) {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves xml at path as application/xml. */
    public static void xml(TestSite site, String path, String xml) {
        site.bytes(path, 200, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
}
