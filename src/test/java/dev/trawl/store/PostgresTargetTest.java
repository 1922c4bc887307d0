package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresTargetTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            postgresql://u:p@db.example:6543/crawl          | postgresql://u@db.example:6543/crawl   | p    | jdbc:postgresql://db.example:6543/crawl
            postgres://u@db.example/crawl                   | postgresql://u@db.example:5432/crawl   | NULL | jdbc:postgresql://db.example:5432/crawl
            postgresql://us%40er:p%3Aw%2F%40d+@h/d          | postgresql://us@er@h:5432/d            | p:w/@d+ | jdbc:postgresql://h:5432/d
            postgresql://u@[::1]:5433/d?sslmode=disable     | postgresql://u@[::1]:5433/d            | NULL | jdbc:postgresql://[::1]:5433/d?sslmode=disable
            postgresql://u@h/                               | postgresql://u@h:5432/u                | NULL | jdbc:postgresql://h:5432/u
            postgresql:///d                                 | postgresql://me@localhost:5432/d       | NULL | jdbc:postgresql://localhost:5432/d
            jdbc:postgresql://h:5433/d?user=u&password=s3&ssl=true | postgresql://u@h:5433/d         | s3   | jdbc:postgresql://h:5433/d?ssl=true
            jdbc:postgresql:d                               | postgresql://me@localhost:5432/d       | NULL | jdbc:postgresql://localhost:5432/d
            """)
    void parsesTargetsLikeLibpq(String target, String display, String password, String jdbcUrl) {
        PostgresTarget parsed = PostgresTarget.parse(target, "me");
        assertThat(parsed.display()).isEqualTo(display);
        assertThat(parsed.toString()).isEqualTo(display);
        assertThat(parsed.password()).isEqualTo(password);
        assertThat(parsed.jdbcUrl()).isEqualTo(jdbcUrl);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            postgresql://u:secret@h:99999/d    | cannot open database postgresql://u@h:99999/d: port '99999' is not a number from 1 to 65535
            postgresql://u:secret@h:x/d        | cannot open database postgresql://u@h:x/d: port 'x' is not a number from 1 to 65535
            postgresql://u:secret@a,b/d        | cannot open database postgresql://u@a,b/d: several hosts are not supported
            jdbc:postgresql://h:x/d?password=secret | cannot open database jdbc:postgresql://h:x/d?password=***: port 'x' is not a number from 1 to 65535
            """)
    void badTargetsAreNamedWithoutTheirPassword(String target, String message) {
        assertThatThrownBy(() -> PostgresTarget.parse(target, "me")).isInstanceOf(StoreException.class)
                .hasMessage(message);
    }

    private PostgresPasswords.Found lookup(String target, Map<String, String> env) {
        return new PostgresPasswords(env, home).lookup(PostgresTarget.parse(target, "me"));
    }

    private void pgpass(String text, String perms) throws IOException {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
    }

    @Test
    void passwordComesFromTheTargetThenPgpasswordThenThePasswordFile() throws IOException {
        pgpass("h:5432:d:u:fromfile\n", "rw-------");
        assertThat(lookup("postgresql://u:inurl@h/d", Map.of("PGPASSWORD", "env")).password()).isEqualTo("inurl");
        assertThat(lookup("postgresql://u@h/d", Map.of("PGPASSWORD", "env")).password()).isEqualTo("env");
        assertThat(lookup("postgresql://u@h/d", Map.of()).password()).isEqualTo("fromfile");
        assertThat(lookup("postgresql://other@h/d", Map.of()).password()).isNull();
    }

    @Test
    void pgpassFileMatchesWildcardsAndEscapesLikeLibpq() {
        List<String> lines = List.of(
                "# comment:*:*:*:no",
                "h\\:x:5432:d:u:escaped-host",
                "*:5433:*:u:any-host-on-5433",
                "h:*:d:u:pa\\:ss\\\\word:ignored-field",
                "\\*:*:*:*:literal-star");
        assertThat(PostgresPasswords.find(lines, PostgresTarget.parse("postgresql://u@[h:x]/d", "me"))).isNull();
        assertThat(PostgresPasswords.find(lines, PostgresTarget.parse("postgresql://u@elsewhere:5433/z", "me")))
                .isEqualTo("any-host-on-5433");
        assertThat(PostgresPasswords.find(lines, PostgresTarget.parse("postgresql://u@h:7777/d", "me")))
                .isEqualTo("pa:ss\\word");
        assertThat(PostgresPasswords.find(lines, PostgresTarget.parse("postgresql://v@*:1/e", "me")))
                .isEqualTo("literal-star");
        assertThat(PostgresPasswords.find(lines, PostgresTarget.parse("postgresql://v@x:1/e", "me"))).isNull();
    }

    @Test
    void aPasswordFileOthersCanReadIsIgnoredAndSaysSo() throws IOException {
        pgpass("*:*:*:*:leaked\n", "rw-r--r--");
        PostgresPasswords.Found found = lookup("postgresql://u@h/d", Map.of());
        assertThat(found.password()).isEmpty(); // not null: keeps pgjdbc from reading the file itself
        assertThat(found.note()).contains(".pgpass").contains("group or others can read it");
    }

    @Test
    void pgpassfileNamesAnotherFile() throws IOException {
        Path other = home.resolve("elsewhere");
        Files.writeString(other, "*:*:*:*:other\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
        assertThat(lookup("postgresql://u@h/d", Map.of("PGPASSFILE", other.toString())).password()).isEqualTo("other");
    }
}
