package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.testsite.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * trawl as a library: the artifacts this build made (jar, -sources, -javadoc, pom) are installed into a Maven
 * repository of their own, and a separate Maven project that depends on dev.trawl:trawl compiles the README's
 * library example word for word (only its seed and database name point at a local site) and runs it.
 */
class LibraryArtifactIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir Path work;

    @Test
    void readmeExampleBuildsAgainstTheInstalledArtifactAndCrawls() throws Exception {
        Path repo = work.resolve("repo");
        mvn(ROOT, "install:install-file", "-Dfile=target/trawl.jar", "-DpomFile=pom.xml",
                "-Dsources=target/trawl-sources.jar", "-Djavadoc=target/trawl-javadoc.jar", "-DlocalRepositoryPath=" + repo);
        Path installed = repo.resolve("dev/trawl/trawl/" + dev.trawl.crawl.CrawlConfig.VERSION);
        String base = "trawl-" + dev.trawl.crawl.CrawlConfig.VERSION;
        assertThat(installed.resolve(base + ".jar")).exists();
        assertThat(installed.resolve(base + "-sources.jar")).exists();
        assertThat(installed.resolve(base + "-javadoc.jar")).exists();

        Path project = work.resolve("example");
        Files.createDirectories(project.resolve("src/main/java/example"));
        Files.writeString(project.resolve("pom.xml"), pom(repo));
        Files.writeString(project.resolve("src/main/java/example/Main.java"), ReadmeExamples.program(ReadmeExamples.libraryExample(0)));
        mvn(project, "package", "dependency:build-classpath", "-Dmdep.outputFile=classpath.txt");

        try (TestSite site = TestSite.start()) {
            site.page("/", "Home", "/a", "/b").page("/a", "A", "/").page("/b", "B", "/a");
            String classpath = project.resolve("target/classes") + ":" + Files.readString(project.resolve("classpath.txt")).strip();
            var run = exec(project, List.of(java(), "-cp", classpath, "example.Main", site.url("/"), work.resolve("lib.db").toString()));
            assertThat(run.exit()).as(run.out()).isZero();
            assertThat(run.out()).contains("3 URLs in");
        }
    }

    private static String pom(Path repo) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId><artifactId>uses-trawl</artifactId><version>1</version>
                  <properties>
                    <maven.compiler.release>25</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <repositories><repository><id>installed-trawl</id><url>%s</url></repository></repositories>
                  <dependencies>
                    <dependency><groupId>dev.trawl</groupId><artifactId>trawl</artifactId><version>%s</version></dependency>
                  </dependencies>
                  <build><plugins>
                    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                    <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
                  </plugins></build>
                </project>
                """.formatted(repo.toUri(), dev.trawl.crawl.CrawlConfig.VERSION);
    }

    private static void mvn(Path dir, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-ntp"));
        command.addAll(List.of(goals));
        var result = exec(dir, command);
        assertThat(result.exit()).as(String.join(" ", command) + "\n" + result.out()).isZero();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Result(int exit, String out) {}

    private static Result exec(Path dir, List<String> command) throws Exception {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        var process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) process.destroyForcibly();
        return new Result(process.exitValue(), out);
    }
}
