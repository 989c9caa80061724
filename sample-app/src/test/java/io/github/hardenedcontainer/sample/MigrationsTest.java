package io.github.hardenedcontainer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hardenedcontainer.sample.config.DatabaseConfig;
import io.github.hardenedcontainer.sample.db.Migrator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Migrations run once, are idempotent on restart, serialise concurrent starts, and refuse edited history. */
@ExtendWith(VertxExtension.class)
class MigrationsTest {

    @Test
    void migrationsAreAppliedOnceAndAreIdempotent(Vertx vertx) throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Pool pool = pool(vertx, pg);
            List<Future<Integer>> concurrent = List.of(new Migrator(pool).migrate(), new Migrator(pool).migrate());
            int applied = 0;
            for (Future<Integer> f : concurrent) {
                applied += f.await(30, TimeUnit.SECONDS);
            }
            assertThat(applied).as("two concurrent starts apply each migration once").isEqualTo(2);
            assertThat(new Migrator(pool).migrate().await(30, TimeUnit.SECONDS)).as("a restart applies nothing").isZero();
            assertThat(pg.psql("SELECT version FROM schema_migrations ORDER BY version").trim()).isEqualTo("1\n2");
            assertThat(pg.psql("SELECT count(*) FROM pg_indexes WHERE indexname = 'items_created_at_idx'").trim()).isEqualTo("1");

            pg.psql("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
            assertThatThrownBy(() -> new Migrator(pool).migrate().await(30, TimeUnit.SECONDS))
                    .hasMessageContaining("migration V1 was changed after it was applied: add a new migration instead");
            pool.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static Pool pool(Vertx vertx, PostgresServer pg) {
        DatabaseConfig db = new DatabaseConfig("127.0.0.1", pg.port(), PostgresServer.DATABASE, PostgresServer.USER,
                pg.password());
        return PgBuilder.pool().connectingTo(new PgConnectOptions().setHost(db.host()).setPort(db.port())
                .setDatabase(db.database()).setUser(db.user()).setPassword(db.password())).using(vertx).build();
    }
}
