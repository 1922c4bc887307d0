package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The README's Java examples as programs, so that tests compile and run them as a reader would copy them. */
final class ReadmeExamples {
    static final Path ROOT = Path.of(System.getProperty("user.dir"));

    private ReadmeExamples() {}

    /** The index-th (from 0) java block of the README's "Library API" section. */
    static String libraryExample(int index) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int section = readme.indexOf("## Library API");
        assertThat(section).as("README has a Library API section").isNotNegative();
        int start = section;
        for (int i = 0; i <= index; i++) {
            start = readme.indexOf("```java\n", start);
            assertThat(start).as("java block " + index + " of the Library API section").isPositive();
            start += "```java\n".length();
        }
        return readme.substring(start, readme.indexOf("```", start));
    }

    /**
     * The example as class Main of package example: its imports on top, its statements in main, the seed and database
     * ("https://example.com/", "example.db") taken from the arguments.
     */
    static String program(String example) {
        List<String> imports = new ArrayList<>(List.of("import java.time.Duration;", "import java.util.List;"));
        StringBuilder body = new StringBuilder();
        for (String line : example.lines().toList()) {
            if (line.startsWith("import ")) imports.add(line);
            else body.append("        ").append(line).append('\n');
        }
        String statements = body.toString().replace("\"https://example.com/\"", "args[0]").replace("\"example.db\"", "args[1]");
        assertThat(statements).as("the example's seed and database were found").contains("args[0]", "args[1]");
        return "package example;\n\n" + String.join("\n", imports) + "\n\npublic class Main {\n"
                + "    public static void main(String[] args) throws Exception {\n" + statements + "    }\n}\n";
    }
}
