package io.github.hardenedcontainer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Migrations as a step of their own, with the packaged jar and a real PostgreSQL: the service (default
 * DATABASE_MIGRATIONS=check) stays not ready with the reason until the {@code migrate} command has run; three
 * migrate commands started at once, and three services that apply at start together, apply each migration once.
 */
class MigrationStepIT {

    private static Path logs(String name) throws Exception {
        return Files.createDirectories(Path.of("target", "migration-step", name).toAbsolutePath());
    }

    private static Map<String, String> checking(PostgresServer pg) {
        return Map.of("DATABASE_URL", pg.url(), "DATABASE_PASSWORD_FILE", pg.passwordFile().toString());
    }

    private static ServiceProcess migrate(Map<String, String> env, String name, String... args) throws Exception {
        Path dir = logs(name);
        List<String> command = new ArrayList<>(List.of("migrate"));
        command.addAll(List.of(args));
        return ServiceProcess.start(List.of(), ServiceProcess.JAR, dir, dir, env, dir, command);
    }

    private static int exitCode(ServiceProcess p) throws Exception {
        assertThat(p.process.waitFor(90, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return p.process.exitValue();
    }

    /** The "applied" field of the migrate command's "migrations done" line. */
    private static int applied(ServiceProcess p) throws Exception {
        return p.out().lines().filter(l -> l.startsWith("{")).map(JsonObject::new)
                .filter(e -> "migrations done".equals(e.getString("message")))
                .mapToInt(e -> e.getInteger("applied")).findFirst().orElseThrow();
    }

    @Test
    void theServiceWaitsForTheMigrateCommandAndThreeAtOnceApplyEachMigrationOnce() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Path dir = logs("service");
            try (ServiceProcess service = ServiceProcess.start(List.of(), ServiceProcess.JAR, dir, dir, checking(pg), dir)) {
                assertThat(service.awaitStatus("/health", 200, 30_000)).isPositive();
                String reason = "database schema at version 0, this release needs 2: run the migrate command (this"
                        + " image with the argument migrate)";
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                String body = "";
                while (System.nanoTime() < deadline && !body.contains(reason)) {
                    body = service.get("/ready").body();
                    Thread.sleep(200);
                }
                assertThat(body).contains(reason);
                assertThat(service.get("/ready").statusCode()).isEqualTo(503);
                assertThat(pg.psql("SELECT to_regclass('schema_migrations') IS NULL").trim()).as("the service migrated nothing")
                        .isEqualTo("t");

                List<ServiceProcess> commands = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    commands.add(migrate(checking(pg), "migrate-" + i));
                }
                int total = 0;
                for (ServiceProcess command : commands) {
                    try (command) {
                        assertThat(exitCode(command)).as(command.out() + command.err()).isZero();
                        // It closes its pool and ends, without waiting out a close that cannot complete.
                        assertThat(command.out() + command.err()).doesNotContain("could not close the pool")
                                .doesNotContain("RejectedExecutionException");
                        total += applied(command);
                    }
                }
                assertThat(total).as("migrations applied by the three commands together").isEqualTo(2);
                assertThat(pg.psql("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_migrations").trim())
                        .isEqualTo("1,2");
                assertThat(service.awaitStatus("/ready", 200, 10_000)).as("ready once the schema is current").isPositive();
            }
        }
    }

    @Test
    void threeServicesApplyingAtStartTogetherApplyEachMigrationOnce() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            List<ServiceProcess> services = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Path dir = logs("apply-" + i);
                    services.add(ServiceProcess.start(List.of(), ServiceProcess.JAR, dir, dir, pg.environment(), dir));
                }
                for (ServiceProcess service : services) {
                    assertThat(service.awaitStatus("/ready", 200, 30_000)).as(service.err()).isPositive();
                }
                assertThat(pg.psql("SELECT count(*) FROM schema_migrations").trim()).isEqualTo("2");
                long appliedLines = 0;
                for (ServiceProcess service : services) {
                    appliedLines += service.out().lines().filter(l -> l.contains("\"message\":\"migration applied\"")).count();
                }
                assertThat(appliedLines).as("each migration applied by exactly one of the three").isEqualTo(2);
            } finally {
                services.forEach(ServiceProcess::close);
            }
        }
    }

    @Test
    void theMigrateCommandFailsClearly() throws Exception {
        try (ServiceProcess none = migrate(Map.of(), "no-database")) {
            assertThat(exitCode(none)).isEqualTo(2);
            assertThat(none.err()).isEqualTo("sample-app: migrate needs DATABASE_URL (and DATABASE_PASSWORD_FILE): the"
                    + " database to migrate\n");
        }
        try (ServiceProcess bad = migrate(Map.of(), "bad-option", "--wait=soon")) {
            assertThat(exitCode(bad)).isEqualTo(2);
            assertThat(bad.err()).isEqualTo("sample-app: migrate takes --wait=SECONDS (0 to 9999), got --wait=soon\n");
        }
        // Nothing listens on the port: it retries for the time given, then says so.
        Map<String, String> closed = new HashMap<>(Map.of("DATABASE_URL", "postgres://app:pw@127.0.0.1:"
                + TestSupport.freePort() + "/app"));
        long start = System.nanoTime();
        try (ServiceProcess unreachable = migrate(closed, "unreachable", "--wait=2")) {
            assertThat(exitCode(unreachable)).isEqualTo(1);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
            assertThat(unreachable.out()).contains("migrations failed: the database did not answer within 2 s");
        }
        // A migration edited after it was applied: no retry, exit 1 at once.
        try (PostgresServer pg = PostgresServer.start()) {
            try (ServiceProcess first = migrate(checking(pg), "edited-first")) {
                assertThat(exitCode(first)).isZero();
            }
            pg.psql("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
            try (ServiceProcess edited = migrate(checking(pg), "edited")) {
                assertThat(exitCode(edited)).isEqualTo(1);
                assertThat(edited.out()).contains("migration V1 was changed after it was applied: add a new migration instead");
            }
        }
    }
}
