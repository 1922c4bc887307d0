package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.testsite.TestSite;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's PageHandler example, word for word but for its seed and database, compiled with javac against the
 * library and run against a local shop: the handler's fields are stored, its links are followed.
 */
class PageHandlerReadmeIT {
    @TempDir Path dir;

    @Test
    void theReadmesHandlerExampleCompilesStoresItsFieldsAndFollowsItsLinks() throws Exception {
        Path source = dir.resolve("src/example/Main.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, ReadmeExamples.program(ReadmeExamples.libraryExample(1)));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.ByteArrayOutputStream();
        int compiled = javac.run(null, null, errors, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(compiled).as(errors.toString()).isZero();

        try (TestSite site = TestSite.start()) {
            // a <link> is no link the crawl follows (a, area, frame, iframe are): only the handler's reaches /page/2
            site.html("/", "<title>shop</title><link rel=next href=/page/2><p class=price>10.00</p>");
            site.html("/page/2", "<title>two</title><p class=price> 20.00 </p>");
            Path db = dir.resolve("shop.db");
            try (var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
                loader.loadClass("example.Main").getMethod("main", String[].class)
                        .invoke(null, (Object) new String[] {site.url("/"), db.toString()});
            }
            Map<String, JsonNode> rows = CliRunner.export(db);
            assertThat(rows.get(site.url("/")).get("fields").get("price").asText()).isEqualTo("10.00");
            assertThat(rows.get(site.url("/page/2")).get("fields").get("price").asText()).isEqualTo("20.00");
        }
    }
}
