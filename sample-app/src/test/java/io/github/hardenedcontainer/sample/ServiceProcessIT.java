package io.github.hardenedcontainer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service as a process: exit codes, JSON logs, SIGTERM drain, and a read-only working directory.
 * Prints start-to-ready and RSS figures.
 */
class ServiceProcessIT {

    private static PostgresServer pg;

    @TempDir
    Path logs;

    @BeforeAll
    static void database() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void aMalformedVariableStopsTheStartWithOneLineAndExitCode2() throws Exception {
        for (Map.Entry<String, String> bad : Map.of("PORT", "eighty", "DATABASE_URL", "mysql://app:hunter2@db/app").entrySet()) {
            Path dir = Files.createDirectories(logs.resolve(bad.getKey()));
            try (ServiceProcess p = ServiceProcess.start(List.of(), ServiceProcess.JAR, dir, dir, Map.of(bad.getKey(), bad.getValue()), dir)) {
                assertThat(p.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(p.process.exitValue()).isEqualTo(2);
                List<String> lines = p.err().lines().toList();
                assertThat(lines).hasSize(1);
                assertThat(lines.get(0)).startsWith("sample-app: configuration error: " + bad.getKey() + " ")
                        .doesNotContain("hunter2").doesNotContain("Exception");
            }
        }
    }

    @Test
    void logLevelFromTheEnvironmentSetsWhatIsLogged() throws Exception {
        // debug: successful probes are logged too; warn: not even the start.
        Map<String, List<JsonObject>> logs = new java.util.HashMap<>();
        for (String level : List.of("debug", "warn")) {
            Path dir = Files.createDirectories(this.logs.resolve("level-" + level));
            try (ServiceProcess p = ServiceProcess.start(List.of(), ServiceProcess.JAR, dir, dir, Map.of("LOG_LEVEL", level), dir)) {
                p.awaitStatus("/health", 200, 30_000);
                assertThat(p.get("/health").statusCode()).isEqualTo(200);
                p.process.destroy();
                assertThat(p.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
                logs.put(level, jsonLines(p.out()));
            }
        }
        assertThat(logs.get("debug")).anySatisfy(e -> {
            assertThat(e.getString("message")).isEqualTo("request");
            assertThat(e.getString("route")).isEqualTo("/health");
        });
        assertThat(logs.get("debug")).anySatisfy(e -> assertThat(e.getString("message")).isEqualTo("started"));
        assertThat(logs.get("warn")).noneSatisfy(e -> assertThat(e.getString("message")).isIn("started", "request"));
        // The database is not configured in these runs: that warning is still there at warn.
        assertThat(logs.get("warn")).anySatisfy(e -> assertThat(e.getString("message")).startsWith("DATABASE_URL is not set"));
    }

    @Test
    void sigtermDrainsInFlightRequestsAndExitsZero() throws Exception {
        Map<String, String> env = pg.environment();
        try (ServiceProcess p = ServiceProcess.start(List.of(), ServiceProcess.JAR, logs, logs, env, logs)) {
            long startToReady = p.awaitStatus("/ready", 200, 30_000);
            assertThat(startToReady).as("ready after start").isPositive();
            long rssIdle = p.rssKib();

            LoopbackHttp.BoundedLoad load = p.http.load(8, 100_000, (worker, i) -> i % 4 == 0
                    ? p.post("/api/items", "{\"name\": \"load-" + worker + "\", \"quantity\": " + i + "}")
                    : p.get(i % 2 == 0 ? "/api/items?limit=5" : "/health"));
            Thread.sleep(1500);
            long rssLoad = p.rssKib();
            long sigterm = System.nanoTime();
            p.process.destroy();
            long notReadyMs = p.awaitStatus("/ready", 503, 2000);
            load.stop();
            assertThat(p.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            long exitMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);

            assertThat(notReadyMs).as("readiness answers 503 right after SIGTERM").isBetween(0L, 1000L);
            assertThat(load.failures()).as("requests that failed during the drain").isEmpty();
            assertThat(load.ok()).as("requests served").isGreaterThan(100);
            assertThat(p.process.exitValue()).isZero();
            assertThat(exitMs).as("exit within the grace period").isLessThan(10_000);

            List<JsonObject> log = jsonLines(p.out());
            assertThat(log).anySatisfy(e -> assertThat(e.getString("message")).isEqualTo("shutting down"));
            // The last line of the graceful shutdown, logged while the JVM exits (the JDK's own hook would drop it).
            assertThat(log).anySatisfy(e -> {
                assertThat(e.getString("message")).isEqualTo("stopped");
                assertThat(e.getBoolean("clean")).isTrue();
            });
            assertThat(log).anySatisfy(e -> {
                assertThat(e.getString("message")).isEqualTo("request");
                assertThat(e.fieldNames()).contains("method", "route", "status", "durationMs");
            });
            // Successful probes are not logged at the default level; failed ones and the API traffic are.
            List<JsonObject> requests = log.stream().filter(e -> "request".equals(e.getString("message"))).toList();
            assertThat(requests).anySatisfy(e -> assertThat(e.getString("route")).startsWith("/api/items"));
            assertThat(requests).noneMatch(e -> List.of("/health", "/ready").contains(e.getString("route"))
                    && e.getInteger("status") < 400);
            System.out.printf("process figures: start-to-ready %d ms, RSS idle %d KiB, RSS under load %d KiB,"
                    + " requests %d, SIGTERM->503 %d ms, SIGTERM->exit %d ms%n",
                    startToReady, rssIdle, rssLoad, load.ok(), notReadyMs, exitMs);
        }
    }

    @Test
    void runsWithAReadOnlyWorkingDirectoryAndOnlyTmpWritable() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        // A copy of the jar and its lib/ in a directory nobody else may write to (as in the image).
        Path app = Files.createTempDirectory("app-ro-");
        Files.copy(ServiceProcess.JAR, app.resolve("sample-app.jar"));
        Path lib = Files.createDirectory(app.resolve("lib"));
        try (Stream<Path> jars = Files.list(ServiceProcess.JAR.getParent().resolve("lib"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, lib.resolve(jar.getFileName()));
                Files.setPosixFilePermissions(lib.resolve(jar.getFileName()), PosixFilePermissions.fromString("r--r--r--"));
            }
        }
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(app.resolve("sample-app.jar"), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path tmp = Files.createTempDirectory("app-tmp-");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        List<String> prefix = List.of();
        if (root) {
            // Root ignores permissions: run as an unprivileged user, as the container does.
            UserPrincipal nobody = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(tmp, nobody);
            prefix = List.of("runuser", "-u", "nobody", "--");
        }
        Path logDir = Files.createTempDirectory("app-logs-");
        Files.setPosixFilePermissions(logDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path password = Files.createTempFile(tmp.getParent(), "pw-", ".txt");
        Files.writeString(password, pg.password());
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> before = listing(app);

        Map<String, String> env = Map.of("DATABASE_URL", pg.url(), "DATABASE_PASSWORD_FILE", password.toString(),
                "DATABASE_MIGRATIONS", "apply", "HOME", "/nonexistent");
        try (ServiceProcess p = ServiceProcess.start(prefix, app.resolve("sample-app.jar"), app, tmp, env, logDir)) {
            assertThat(p.awaitStatus("/ready", 200, 30_000)).as("ready: " + p.err()).isPositive();
            assertThat(p.post("/api/items", "{\"name\": \"ro\", \"quantity\": 1}").statusCode()).isEqualTo(201);
            assertThat(p.get("/metrics").statusCode()).isEqualTo(200);
            assertThat(p.get("/info").statusCode()).isEqualTo(200);
            long javaPid = p.process.descendants().map(ProcessHandle::pid).findFirst().orElse(p.process.pid());
            new ProcessBuilder("kill", "-TERM", Long.toString(javaPid)).start().waitFor(10, TimeUnit.SECONDS);
            assertThat(p.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.process.exitValue()).isZero();
            String output = p.out() + p.err();
            assertThat(output).doesNotContainIgnoringCase("permission denied").doesNotContainIgnoringCase("read-only file system")
                    .doesNotContain("AccessDeniedException");
            assertThat(p.err()).isEmpty();
        } finally {
            Files.deleteIfExists(password);
        }
        assertThat(listing(app)).as("nothing written to the working directory").isEqualTo(before);
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<JsonObject> jsonLines(String text) {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : text.lines().toList()) {
            assertThat(line).as("every stdout line is one JSON object").startsWith("{").endsWith("}");
            lines.add(new JsonObject(line));
        }
        return lines;
    }
}
