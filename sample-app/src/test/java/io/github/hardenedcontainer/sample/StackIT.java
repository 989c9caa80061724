package io.github.hardenedcontainer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample app's generated Dockerfile and compose.yaml, built and run for real: smoke, hardening as Docker
 * reports it, healthchecks, faults, secrets. Base images come from {@code BUILDER_IMAGE}, {@code RUNTIME_IMAGE} and
 * {@code POSTGRES_IMAGE} when set (scripts/local-base-images.sh prints them), else the public defaults in the
 * compose file. Only image names and the host port are changed, through the variables compose.yaml reads; the
 * hardening is the file's own. Everything the test creates is removed afterwards, also on failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    private static final Path COMPOSE_FILE = Path.of("compose.yaml").toAbsolutePath();
    private static final Path SECRET = Path.of("secrets/postgres-password.txt").toAbsolutePath();

    private static Docker docker;
    private static String project;
    private static int port;
    private static LoopbackHttp http;
    private static String password;
    private static boolean createdSecret;
    private static final Map<String, Long> figures = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void up() throws Exception {
        port = TestSupport.freePort();
        http = new LoopbackHttp(port);
        project = "hcstack" + Long.toHexString(System.nanoTime() & 0xffffff);
        Map<String, String> env = new HashMap<>();
        env.put("COMPOSE_PROJECT_NAME", project);
        env.put("APP_PORT", Integer.toString(port));
        env.put("APP_IMAGE", "sample-app:stack-test");
        for (String name : List.of("BUILDER_IMAGE", "RUNTIME_IMAGE", "POSTGRES_IMAGE")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                env.put(name, value);
            }
        }
        docker = Docker.require(env);
        if (!Files.exists(SECRET)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Files.createDirectories(SECRET.getParent());
            Files.writeString(SECRET, Base64.getEncoder().encodeToString(random) + "\n");
            Files.setPosixFilePermissions(SECRET, PosixFilePermissions.fromString("rw-r--r--"));
            createdSecret = true;
        }
        password = Files.readString(SECRET).trim();

        long start = System.nanoTime();
        docker.compose(1800, "-f", COMPOSE_FILE.toString(), "build").ok("compose build");
        figures.put("image build ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        start = System.nanoTime();
        docker.compose(300, "-f", COMPOSE_FILE.toString(), "up", "-d").ok("compose up");
        awaitHealthy("app", 180);
        awaitHealthy("db", 60);
        figures.put("up to both healthy ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @AfterAll
    static void down() throws Exception {
        try {
            if (docker != null) {
                Docker.Result r = docker.compose(300, "-f", COMPOSE_FILE.toString(), "down", "-v", "--remove-orphans");
                System.out.println("compose down: exit " + r.exitCode());
                docker.docker(120, "image", "rm", "-f", "sample-app:stack-test");
            }
        } finally {
            if (createdSecret) {
                Files.deleteIfExists(SECRET);
            }
            System.out.println("stack figures: " + figures);
        }
    }

    @Test
    @Order(1)
    void smoke() throws Exception {
        SmokeContract.check(http).forEach(line -> System.out.println("smoke: ok   " + line));
    }

    @Test
    @Order(2)
    void hardeningAsDockerReportsIt() throws Exception {
        JsonObject app = inspect(container("app"));
        JsonObject appHost = app.getJsonObject("HostConfig");
        assertThat(app.getJsonObject("Config").getString("User")).isEqualTo("10001:10001");
        assertThat(appHost.getBoolean("ReadonlyRootfs")).isTrue();
        assertThat(appHost.getJsonArray("CapDrop").getList()).containsExactly("ALL");
        assertThat(appHost.getJsonArray("CapAdd")).isNullOrEmpty();
        assertThat(appHost.getJsonArray("SecurityOpt").getList()).contains("no-new-privileges:true");
        assertThat(appHost.getBoolean("Privileged")).isFalse();
        assertThat(appHost.getLong("Memory")).isPositive();
        assertThat(appHost.getLong("PidsLimit")).isPositive();
        assertThat(appHost.getLong("NanoCpus")).isPositive();
        assertThat(appHost.getJsonObject("Tmpfs").fieldNames()).contains("/tmp");
        JsonArray bindings = appHost.getJsonObject("PortBindings").getJsonArray("8080/tcp");
        assertThat(bindings).hasSize(1);
        assertThat(bindings.getJsonObject(0).getString("HostIp")).isEqualTo("127.0.0.1");

        JsonObject db = inspect(container("db"));
        JsonObject dbHost = db.getJsonObject("HostConfig");
        assertThat(dbHost.getJsonObject("PortBindings")).as("the database publishes no port").isNullOrEmpty();
        assertThat(db.getJsonObject("NetworkSettings").getJsonObject("Ports").stream()
                .filter(e -> e.getValue() != null)).as("no host port bound for the database").isEmpty();
        assertThat(dbHost.getBoolean("ReadonlyRootfs")).isTrue();
        assertThat(dbHost.getJsonArray("CapDrop").getList()).containsExactly("ALL");
        assertThat(dbHost.getJsonArray("SecurityOpt").getList()).contains("no-new-privileges:true");
        assertThat(docker.compose(30, "-f", COMPOSE_FILE.toString(), "port", "db", "5432").text()).isEmpty();
        for (String network : db.getJsonObject("NetworkSettings").getJsonObject("Networks").fieldNames()) {
            JsonObject net = new JsonArray(docker.docker(30, "network", "inspect", network).ok("network inspect").text())
                    .getJsonObject(0);
            assertThat(net.getBoolean("Internal")).as("database network %s is internal", network).isTrue();
        }
        // An internal network is Docker's firewall rule that drops traffic leaving its subnet. Check the rule is
        // there (read from the host's iptables; no traffic is sent anywhere).
        for (String network : db.getJsonObject("NetworkSettings").getJsonObject("Networks").fieldNames()) {
            JsonObject net = new JsonArray(docker.docker(30, "network", "inspect", network).ok("network inspect").text())
                    .getJsonObject(0);
            String bridge = "br-" + net.getString("Id").substring(0, 12);
            String subnet = net.getJsonObject("IPAM").getJsonArray("Config").getJsonObject(0).getString("Subnet");
            Docker.Result rules = Docker.host(30, "iptables", "-S");
            if (rules.exitCode() == 0) {
                assertThat(rules.output()).as("egress from %s dropped", network)
                        .contains("! -d " + subnet + " -i " + bridge + " -j DROP");
            } else {
                System.out.println("iptables not readable here (" + rules.text() + "): egress rule not checked");
            }
        }

        // The app image has no shell. A throwaway container with one (the database image) joins the app's process
        // namespace as the same non-root user, without capabilities, and looks at the JVM from there.
        String shellImage = inspect(container("db")).getJsonObject("Config").getString("Image");
        String inside = docker.docker(60, "run", "--rm", "--pid", "container:" + container("app"), "--network", "none",
                "--user", "10001:10001", "--cap-drop", "ALL", "--security-opt", "no-new-privileges:true",
                "--entrypoint", "sh", shellImage, "-c",
                "jvm=$(grep -lx java /proc/[0-9]*/comm | head -n 1); jvm=${jvm%/comm};"
                        + " grep '^Uid:' $jvm/status | cut -f2; grep CapEff /proc/1/status; grep CapEff $jvm/status;"
                        + " if touch $jvm/root/app/probe-write 2>/dev/null; then echo app-writable; else echo app-read-only; fi;"
                        + " if touch $jvm/root/tmp/probe-write; then echo tmp-writable; fi;"
                        + " if [ -e $jvm/root/bin/sh ] || [ -e $jvm/root/usr/bin/sh ]; then echo shell; else echo no-shell; fi")
                .ok("inspection container").text();
        assertThat(inside.lines().toList()).containsExactly("10001", "CapEff:\t0000000000000000",
                "CapEff:\t0000000000000000", "app-read-only", "tmp-writable", "no-shell");
    }

    @Test
    @Order(3)
    void bothHealthchecksReachHealthy() throws Exception {
        assertThat(health(container("app"))).isEqualTo("healthy");
        assertThat(health(container("db"))).isEqualTo("healthy");
    }

    @Test
    @Order(4)
    void secretsAreInNoLayerConfigEnvironmentOrResponse() throws Exception {
        String history = docker.docker(60, "history", "--no-trunc", "sample-app:stack-test").ok("history").text();
        String image = docker.docker(60, "image", "inspect", "sample-app:stack-test").ok("image inspect").text();
        String app = docker.docker(60, "inspect", container("app")).ok("inspect").text();
        String db = docker.docker(60, "inspect", container("db")).ok("inspect").text();
        for (String text : List.of(history, image, app, db, get("/info").body(), get("/").body())) {
            assertThat(text).doesNotContain(password);
        }
        // Every byte of every layer (the image has no shell to search itself).
        Path saved = Files.createTempFile("stack-test-image", ".tar");
        try {
            docker.docker(300, "save", "-o", saved.toString(), "sample-app:stack-test").ok("save");
            assertThat(contains(saved, password.getBytes(StandardCharsets.UTF_8)))
                    .as("the image's layers contain the password").isFalse();
        } finally {
            Files.deleteIfExists(saved);
        }
    }

    @Test
    @Order(5)
    void databaseOutageAndRecoveryWithoutAppRestart() throws Exception {
        String app = container("app");
        String startedAt = inspect(app).getJsonObject("State").getString("StartedAt");
        docker.compose(120, "-f", COMPOSE_FILE.toString(), "stop", "db").ok("stop db");
        long notReady = awaitStatus("/ready", 503, 3_000);
        assertThat(notReady).as("/ready 503 within 3 s of the database stopping").isNotNegative();
        assertThat(get("/health").statusCode()).isEqualTo(200);
        docker.compose(120, "-f", COMPOSE_FILE.toString(), "start", "db").ok("start db");
        long ready = awaitStatus("/ready", 200, 10_000);
        assertThat(ready).as("/ready 200 within 10 s of the database starting").isNotNegative();
        JsonObject state = inspect(app);
        assertThat(state.getJsonObject("State").getString("StartedAt")).as("the app was not restarted").isEqualTo(startedAt);
        assertThat(state.getInteger("RestartCount")).isZero();
        figures.put("db stop -> /ready 503 ms", notReady);
        figures.put("db start -> /ready 200 ms", ready);
    }

    @Test
    @Order(6)
    void itemsSurviveAnAppRestartAndDownUp() throws Exception {
        HttpResponse<String> created = post("/api/items", "{\"name\": \"durable\", \"quantity\": 1}");
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("location").orElseThrow();

        docker.compose(120, "-f", COMPOSE_FILE.toString(), "restart", "app").ok("restart app");
        awaitHealthy("app", 120);
        assertThat(awaitStatus(location, 200, 30_000)).as("item after an app restart").isNotNegative();

        long start = System.nanoTime();
        docker.compose(300, "-f", COMPOSE_FILE.toString(), "down").ok("down, volume kept");
        docker.compose(300, "-f", COMPOSE_FILE.toString(), "up", "-d").ok("up again");
        awaitHealthy("app", 180);
        assertThat(awaitStatus(location, 200, 30_000)).as("item after down and up").isNotNegative();
        figures.put("down+up to item readable ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Test
    @Order(7)
    void sigtermUnderLoadLosesNoRequestAndExitsZero() throws Exception {
        assertThat(awaitStatus("/ready", 200, 30_000)).isNotNegative();
        String app = container("app");
        LoopbackHttp.BoundedLoad load = http.load(6, 20_000, (worker, i) -> i % 3 == 0
                ? post("/api/items", "{\"name\": \"load\", \"quantity\": 1}")
                : get("/api/items?limit=3"));
        Thread.sleep(1500);
        long start = System.nanoTime();
        Thread stopper = new Thread(() -> {
            try {
                docker.docker(60, "stop", "-t", "20", app);
            } catch (Exception e) {
                load.failures().add("docker stop: " + e);
            }
        });
        stopper.start();
        long notReady = awaitStatus("/ready", 503, 3_000);
        load.stop();
        stopper.join(60_000);
        long exitMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        JsonObject state = inspect(app).getJsonObject("State");
        assertThat(notReady).as("/ready 503 after SIGTERM").isNotNegative();
        assertThat(load.failures()).as("failed requests").isEmpty();
        assertThat(load.ok()).isGreaterThan(50);
        assertThat(state.getInteger("ExitCode")).isZero();
        assertThat(state.getBoolean("OOMKilled")).isFalse();
        figures.put("requests under load", (long) load.ok());
        figures.put("SIGTERM -> stopped ms", exitMs);
    }

    @Test
    @Order(2)
    void migrationsRanOnceAsTheirOwnHardenedStepBeforeTheApp() throws Exception {
        String id = docker.compose(60, "-f", COMPOSE_FILE.toString(), "ps", "-a", "-q", "migrate").ok("ps").text()
                .lines().findFirst().orElseThrow(() -> new AssertionError("no migrate container"));
        JsonObject migrate = inspect(id);
        JsonObject state = migrate.getJsonObject("State");
        assertThat(state.getString("Status")).isEqualTo("exited");
        assertThat(state.getInteger("ExitCode")).isZero();
        assertThat(migrate.getJsonObject("Config").getJsonArray("Cmd").getList()).containsExactly("migrate");
        assertThat(migrate.getJsonObject("Config").getString("User")).isEqualTo("10001:10001");
        JsonObject host = migrate.getJsonObject("HostConfig");
        assertThat(host.getBoolean("ReadonlyRootfs")).isTrue();
        assertThat(host.getJsonArray("CapDrop").getList()).containsExactly("ALL");
        assertThat(host.getJsonArray("SecurityOpt").getList()).contains("no-new-privileges:true");
        assertThat(host.getJsonObject("PortBindings")).as("the migration publishes no port").isNullOrEmpty();
        assertThat(migrate.getJsonObject("NetworkSettings").getJsonObject("Networks").fieldNames())
                .as("only the database network").singleElement().asString().endsWith("_backend");
        String migrateLog = docker.docker(60, "logs", id).ok("logs").text();
        assertThat(migrateLog).contains("\"message\":\"migrations done\"");
        // The app applied nothing itself: it waited for the migration and found the schema current.
        String appLog = docker.docker(60, "logs", container("app")).ok("logs").text();
        assertThat(appLog).contains("\"message\":\"schema up to date\"").doesNotContain("\"message\":\"migration applied\"");
        Instant migrated = Instant.parse(state.getString("FinishedAt"));
        Instant appStarted = Instant.parse(inspect(container("app")).getJsonObject("State").getString("StartedAt"));
        assertThat(appStarted).as("the app starts after the migration completed").isAfterOrEqualTo(migrated);
    }

    private static String container(String service) throws Exception {
        String id = docker.compose(60, "-f", COMPOSE_FILE.toString(), "ps", "-q", service).ok("ps").text();
        assertThat(id).as("container of %s", service).isNotEmpty();
        return id.lines().findFirst().orElseThrow();
    }

    private static JsonObject inspect(String id) throws Exception {
        return new JsonArray(docker.docker(60, "inspect", id).ok("inspect").text()).getJsonObject(0);
    }

    private static String health(String id) throws Exception {
        JsonObject health = inspect(id).getJsonObject("State").getJsonObject("Health");
        return health == null ? "none" : health.getString("Status");
    }

    private static void awaitHealthy(String service, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String status = "unknown";
        while (System.nanoTime() < deadline) {
            status = health(container(service));
            if (status.equals("healthy")) {
                return;
            }
            Thread.sleep(500);
        }
        String logs = docker.compose(60, "-f", COMPOSE_FILE.toString(), "logs", "--tail", "40", service).text();
        throw new AssertionError(service + " did not become healthy in " + seconds + " s (" + status + "):\n" + logs);
    }

    private static long awaitStatus(String path, int status, long timeoutMs) throws InterruptedException {
        return http.awaitStatus(path, status, timeoutMs, () -> true);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.get(path);
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return http.post(path, json);
    }

    /** Whether a file holds the given bytes anywhere (streamed; layers are large). */
    private static boolean contains(Path file, byte[] needle) throws java.io.IOException {
        byte[] buffer = new byte[1 << 20];
        byte[] window = new byte[buffer.length + needle.length];
        int carried = 0;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                System.arraycopy(buffer, 0, window, carried, n);
                int length = carried + n;
                for (int i = 0; i + needle.length <= length; i++) {
                    if (java.util.Arrays.equals(window, i, i + needle.length, needle, 0, needle.length)) {
                        return true;
                    }
                }
                carried = Math.min(needle.length - 1, length);
                System.arraycopy(window, length - carried, window, 0, carried);
            }
        }
        return false;
    }
}
