package io.github.hardenedcontainer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hardenedcontainer.sample.config.AppConfig;
import io.github.hardenedcontainer.sample.db.Database;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new database password without losing a request: under continuous load through the database, the role's
 * password is changed (ALTER ROLE) and the secret file rewritten in place, as the runbook says. The pool's
 * connections age out (max lifetime 2 s here), the new ones read the file again and log in with the new password;
 * not one request fails, and afterwards no connection of the service predates the rotation.
 */
@ExtendWith(VertxExtension.class)
class PasswordRotationTest {

    @TempDir
    Path dir;

    @Test
    void aRotatedPasswordIsTakenUpWithoutARestartOrAFailedRequest(Vertx vertx) throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Path secret = dir.resolve("postgres-password");
            Files.writeString(secret, pg.password() + "\n", StandardCharsets.UTF_8);
            Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", pg.url(),
                    "DATABASE_PASSWORD_FILE", secret.toString(), "DATABASE_MIGRATIONS", "apply",
                    "DATABASE_POOL_SIZE", "2", "DATABASE_POOL_MAX_LIFETIME_SECONDS", "2"));
            Application app = TestSupport.startService(env);
            try {
                WebClient client = TestSupport.client(vertx, app.port());
                assertThat(TestSupport.pollUntil(client, "/ready", r -> r.statusCode() == 200, 15_000).statusCode())
                        .isEqualTo(200);
                String oldPassword = pg.password();

                // Load through the database: readiness (SELECT 1 through the pool) and a read of the items.
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                AtomicReference<String> firstFailure = new AtomicReference<>();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(9);
                Thread load = new Thread(() -> {
                    int i = 0;
                    while (System.nanoTime() < end) {
                        try {
                            int status = TestSupport.get(client, i++ % 2 == 0 ? "/ready" : "/api/items?limit=5").statusCode();
                            if (status == 200) {
                                ok.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, "status " + status);
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, String.valueOf(e));
                        }
                    }
                });
                load.start();
                Thread.sleep(2000);
                Instant rotated = Instant.now();
                String newPassword = "rotated-" + Long.toHexString(System.nanoTime());
                pg.alterPassword(newPassword);
                Files.writeString(secret, newPassword + "\n", StandardCharsets.UTF_8); // in place, as a bind mount needs
                load.join(30_000);

                assertThat(failed.get()).as("requests that failed across the rotation (first: %s)", firstFailure.get()).isZero();
                assertThat(ok.get()).as("requests served").isGreaterThan(100);
                String connections = pg.psql("SELECT count(*) FILTER (WHERE backend_start < '" + rotated + "'),"
                        + " count(*) FROM pg_stat_activity WHERE usename = 'app' AND backend_type = 'client backend'"
                        + " AND pid <> pg_backend_pid()").trim(); // app is the cluster's superuser: its workers too
                assertThat(connections).as("the service's connections older than the rotation | all of them")
                        .startsWith("0|").isNotEqualTo("0|0");
                // The old password no longer logs in: the rotation was real.
                AppConfig stale = AppConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://app:" + oldPassword
                        + "@127.0.0.1:" + pg.port() + "/app"));
                assertThatThrownBy(() -> PgConnection.connect(vertx, Database.connectOptions(stale.database().orElseThrow()))
                        .await(10, TimeUnit.SECONDS)).hasMessageContaining("password authentication failed");
            } finally {
                app.shutdown().await(20, TimeUnit.SECONDS);
            }
        }
    }
}
