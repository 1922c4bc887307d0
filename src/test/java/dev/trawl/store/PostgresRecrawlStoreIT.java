package dev.trawl.store;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The recrawl store contract on a fresh PostgreSQL database per test (skipped when no server answers). */
class PostgresRecrawlStoreIT extends RecrawlStoreContractTest {
    @RegisterExtension final PostgresTestDatabase db = PostgresTestDatabase.perTest();

    @Override
    String target() {
        return db.url();
    }

    @Override
    String scalar(String sql) throws SQLException {
        return db.scalar(sql);
    }

    @Override
    void execute(String sql) throws SQLException {
        db.execute(sql);
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRES;
    }
}
