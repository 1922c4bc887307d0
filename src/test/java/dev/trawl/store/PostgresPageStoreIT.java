package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store contract on a fresh PostgreSQL database per test (skipped when no server answers). */
class PostgresPageStoreIT extends PageStoreContractTest {
    private PostgresTestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

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

    @Test
    void linksAreJsonForPostgresToo() throws Exception {
        try (PageStore store = open()) {
            store.write(TestRecords.ok("https://a.example/", 0, java.util.List.of("https://b.example/\"q\""),
                    java.util.List.of()));
        }
        assertThat(scalar("SELECT json_array_elements_text(targets::json) FROM links")).isEqualTo("https://b.example/\"q\"");
    }
}
