package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on a fresh PostgreSQL database per test (skipped when no server answers). */
class PostgresPageStoreIT extends PageStoreContractTest {
    @RegisterExtension final PostgresTestDatabase db = PostgresTestDatabase.perTest();

    @Override
    String target() {
        return db.url();
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Override
    String scalar(String sql) throws SQLException {
        return db.scalar(sql);
    }

    @Override
    void execute(String sql) throws SQLException {
        db.execute(sql);
    }

    @Test
    void linksAreJsonForPostgresToo() throws Exception {
        try (PageStore store = open()) {
            store.write(TestRecords.ok("https://a.example/", 0, java.util.List.of("https://b.example/\"q\""),
                    java.util.List.of()));
        }
        assertThat(scalar("SELECT json_array_elements_text(targets::json) FROM links")).isEqualTo("https://b.example/\"q\"");
    }
}
