package dev.trawl.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.store.PageStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
    @TempDir
    Path dir;

    private String export() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PageStore store = ExportFixture.storeWithRows(dir)) {
            assertThat(Exports.write(store, ExportFormat.CSV, out)).isEqualTo(3);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesRfc4180TextExactly() throws Exception {
        // line breaks in a cell are written as LF (see CsvExporter.clean)
        String quotedTitle = "\"He said \"\"hi\"\", then\nleft; naïve café – 東京 😀\nend\"";
        assertThat(export()).isEqualTo(
                "url,final_url,status,depth,content_type,title,error,fetched_at,digest,rendered,sitemap,lastmod,change\r\n"
                + "https://a.example/,https://a.example/home,200,0,text/html; charset=utf-8," + quotedTitle
                + ",,2026-11-25T13:49:08.120Z,,false,,,new\r\n"
                + "https://a.example/x,,,1,,,timeout,2026-11-25T13:49:09.120Z,,false,,,\r\n"
                + "https://a.example/private,,,1,,,robots,2026-11-25T13:49:10.120Z,,false,,,\r\n");
    }

    @Test
    void parsesBackFieldByField() throws Exception {
        List<List<String>> rows = parse(export());
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly(
                "url", "final_url", "status", "depth", "content_type", "title", "error", "fetched_at", "digest", "rendered", "sitemap",
                "lastmod", "change");
        assertThat(rows.get(1)).containsExactly("https://a.example/", "https://a.example/home", "200", "0",
                "text/html; charset=utf-8", ExportFixture.TRICKY_TITLE.replace("\r\n", "\n"), "", "2026-11-25T13:49:08.120Z",
                "", "false", "", "", "new");
        assertThat(rows.get(2)).containsExactly(
                "https://a.example/x", "", "", "1", "", "", "timeout", "2026-11-25T13:49:09.120Z", "", "false", "", "", "");
    }

    /** A strict RFC 4180 reader: records end in CRLF; quoted fields may hold anything, quotes doubled. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && field.isEmpty()) {
                int end = i + 1;
                while (true) {
                    int q = csv.indexOf('"', end);
                    if (q + 1 < csv.length() && csv.charAt(q + 1) == '"') {
                        field.append(csv, end, q).append('"');
                        end = q + 2;
                    } else {
                        field.append(csv, end, q);
                        i = q + 1;
                        break;
                    }
                }
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && csv.startsWith("\r\n", i)) {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                field.append(c);
                i++;
            }
        }
        assertThat(row).as("text after the last CRLF").isEmpty();
        return rows;
    }
}
