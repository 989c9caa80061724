package io.github.hardenedcontainer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The committed Kubernetes Deployment ({@code k8s/deployment.yaml}) run for real: {@code podman kube play} (Debian's
 * podman 4.3) starts its pod from the image the tests build, beside a PostgreSQL reachable as {@code db} on a network
 * of the test's own, with the database password from a podman secret named as the Deployment's Secret. The pod must
 * become ready on its readiness path (a database round trip), run as uid 10001 with no capabilities, no new
 * privileges and seccomp on, be unable to write its root file system, get the memory and CPU limits, and stop
 * cleanly on SIGTERM within its grace period.
 *
 * <p>Where podman 4.3 departs from Kubernetes, the test says so and does the nearest thing: it runs the init
 * container as a pod of its own before the Deployment (podman gives init containers the pod's restart policy,
 * Always, and then fails to remove them); it polls the readiness path itself (podman runs no HTTP probes); it
 * stores the secret's value as podman writes it (undecoded; podman ignores stringData). The fields podman ignores
 * are printed. Kubernetes itself is not here: the scheduling fields and the other objects are checked by
 * {@code hardened:verify} and the schema validation in {@code .ci/run}.
 */
class KubernetesPodIT {

    private static final Path DEPLOYMENT = Path.of("k8s/deployment.yaml").toAbsolutePath();
    private static final Path COMPOSE_FILE = Path.of("compose.yaml").toAbsolutePath();
    private static final Path SECRET = Path.of("secrets/postgres-password.txt").toAbsolutePath();
    private static final String TEST_IMAGE = "sample-app:k8s-test";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @SuppressWarnings("unchecked")
    void theDeploymentsPodRunsHardenedBecomesReadyAndStopsCleanly() throws Exception {
        requirePodman();
        Map<String, String> env = new HashMap<>();
        env.put("APP_IMAGE", TEST_IMAGE);
        for (String name : List.of("BUILDER_IMAGE", "RUNTIME_IMAGE")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                env.put(name, value);
            }
        }
        Docker docker = Docker.require(env);
        String postgresImage = System.getenv().getOrDefault("POSTGRES_IMAGE", "");
        Assumptions.assumeTrue(!postgresImage.isBlank() || "true".equals(System.getenv("HARDENED_REQUIRE_TOOLS")),
                "Kubernetes pod test skipped: POSTGRES_IMAGE is not set (scripts/local-base-images.sh prints it)");
        assertThat(postgresImage).as("POSTGRES_IMAGE (scripts/local-base-images.sh prints it)").isNotBlank();

        Map<String, Object> deployment = new Yaml().load(Files.readString(DEPLOYMENT));
        Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template");
        Map<String, Object> podSpec = (Map<String, Object>) template.get("spec");
        List<Map<String, Object>> containers = (List<Map<String, Object>>) podSpec.get("containers");
        Map<String, Object> app = containers.get(0);
        String image = (String) app.get("image");
        String name = (String) ((Map<String, Object>) deployment.get("metadata")).get("name");
        String secretName = null;
        for (Map<String, Object> volume : (List<Map<String, Object>>) podSpec.get("volumes")) {
            if (volume.get("secret") instanceof Map<?, ?> secret) {
                secretName = (String) secret.get("secretName");
            }
        }
        String passwordFile = env(app, "DATABASE_PASSWORD_FILE");
        assertThat(secretName).as("the Deployment's Secret volume").isNotNull();
        assertThat(passwordFile).as("DATABASE_PASSWORD_FILE in the Deployment").isNotNull();
        int port = ((Number) ((List<Map<String, Object>>) app.get("ports")).get(0).get("containerPort")).intValue();
        String readiness = (String) ((Map<String, Object>) ((Map<String, Object>) app.get("readinessProbe"))
                .get("httpGet")).get("path");
        int grace = ((Number) podSpec.get("terminationGracePeriodSeconds")).intValue();

        String suffix = Long.toHexString(System.nanoTime() & 0xffffff);
        String network = "hck8s" + suffix;
        String database = "hck8s-db-" + suffix;
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path work = Files.createTempDirectory("k8s-pod-test");
        boolean createdSecret = false;
        List<Path> played = new ArrayList<>();
        try {
            // The image, built as the stack builds it, then handed to podman under the name the Deployment uses.
            if (!Files.exists(SECRET)) { // compose.yaml names the secret file; the build does not read it
                Files.createDirectories(SECRET.getParent());
                Files.writeString(SECRET, password + "\n");
                Files.setPosixFilePermissions(SECRET, PosixFilePermissions.fromString("rw-r--r--"));
                createdSecret = true;
            }
            docker.compose(1800, "-f", COMPOSE_FILE.toString(), "build", "app").ok("compose build");
            host(600, "sh", "-c", "docker save " + TEST_IMAGE + " | podman load").ok("podman load of the app image");
            host(60, "podman", "tag", "localhost/" + TEST_IMAGE, image).ok("podman tag");
            host(600, "sh", "-c", "docker save " + postgresImage + " | podman load").ok("podman load of PostgreSQL");

            // PostgreSQL as "db" on a network of the test's own: the address the Deployment's DATABASE_URL names
            // (in a cluster, a Service called db in front of the managed database).
            host(60, "podman", "network", "create", network).ok("podman network create");
            host(120, "podman", "run", "-d", "--name", database, "--network", network, "--network-alias", "db",
                    "--user", "70:70", "--tmpfs", "/var/run/postgresql:mode=1777", "-e", "POSTGRES_USER=app",
                    "-e", "POSTGRES_DB=app", "-e", "POSTGRES_PASSWORD=" + password, postgresImage).ok("PostgreSQL");
            awaitDatabase(database);

            // The Secret, as podman 4.3 reads it: the value itself under data (it writes data values undecoded and
            // ignores stringData; Kubernetes decodes base64 here).
            String key = Path.of(passwordFile).getFileName().toString();
            Path secretYaml = work.resolve("secret.yaml");
            Files.writeString(secretYaml, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + secretName
                    + "\ndata:\n  " + key + ": " + password + "\n");
            host(30, "podman", "secret", "rm", secretName);
            host(30, "podman", "secret", "create", secretName, secretYaml.toString()).ok("podman secret create");

            // The init container (the database migrations) as a pod of its own that runs once, then the Deployment.
            List<Map<String, Object>> init = (List<Map<String, Object>>) podSpec.remove("initContainers");
            if (init != null) {
                System.out.println("podman 4.3 departs: init containers get the pod's restart policy (Always) and"
                        + " then fail to be removed; the test runs them as the pod " + name + "-init first");
                Map<String, Object> initSpec = new LinkedHashMap<>(podSpec);
                initSpec.put("containers", init);
                initSpec.put("restartPolicy", "Never");
                Map<String, Object> pod = new LinkedHashMap<>();
                pod.put("apiVersion", "v1");
                pod.put("kind", "Pod");
                pod.put("metadata", Map.of("name", name + "-init"));
                pod.put("spec", initSpec);
                Path initFile = write(work.resolve("init-pod.yaml"), pod);
                played.add(initFile);
                host(300, "podman", "kube", "play", "--network", network, initFile.toString()).ok("init pod");
                for (Map<String, Object> container : init) {
                    String id = name + "-init-" + container.get("name");
                    String exit = host(300, "podman", "wait", id).ok("podman wait " + id).text();
                    String logs = host(30, "podman", "logs", id).text();
                    assertThat(exit).as("init container " + container.get("name") + ": " + logs).isEqualTo("0");
                }
            }
            Path deploymentFile = write(work.resolve("deployment.yaml"), deployment);
            played.add(deploymentFile);
            printIgnored(template, podSpec, app);
            long started = System.nanoTime();
            host(300, "podman", "kube", "play", "--network", network, deploymentFile.toString()).ok("podman kube play");
            String pod = name + "-pod-0";
            String container = pod + "-" + app.get("name");

            String infra = host(30, "podman", "pod", "inspect", pod, "--format", "{{.InfraContainerID}}").ok("pod").text();
            String address = host(30, "podman", "inspect", infra, "--format",
                    "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}").ok("pod address").text();
            assertThat(address).as("the pod's address on " + network).matches("[0-9.]+");
            String base = "http://" + address + ":" + port;
            int status = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                status = status(base + readiness);
                if (status == 200) {
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(status).as(readiness + " of the pod; its log:\n" + host(30, "podman", "logs", container).text())
                    .isEqualTo(200);
            System.out.printf("pod ready on %s after %d ms (podman kube play included)%n", readiness,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

            // What the kernel says about the running service: user, capabilities, no_new_privs, seccomp.
            String pid = host(30, "podman", "inspect", container, "--format", "{{.State.Pid}}").ok("pid").text();
            Map<String, String> proc = procStatus(pid);
            assertThat(proc.get("Uid")).as("Uid (real, effective, saved, fs)").isEqualTo("10001 10001 10001 10001");
            assertThat(proc.get("Gid")).as("Gid").isEqualTo("10001 10001 10001 10001");
            assertThat(proc.get("CapEff")).as("effective capabilities").isEqualTo("0000000000000000");
            assertThat(proc.get("CapPrm")).as("permitted capabilities").isEqualTo("0000000000000000");
            assertThat(proc.get("CapBnd")).as("bounding set").isEqualTo("0000000000000000");
            assertThat(proc.get("NoNewPrivs")).as("no_new_privs (allowPrivilegeEscalation: false)").isEqualTo("1");
            assertThat(proc.get("Seccomp")).as("seccomp filter mode (RuntimeDefault)").isEqualTo("2");

            // The root file system refuses a write from inside; /tmp (the emptyDir) takes it.
            Docker.Result root = host(60, "podman", "exec", container, "/opt/jre/bin/java",
                    "-Xlog:os=info:file=/app/written-by-test.log", "-version");
            assertThat(root.exitCode()).as(root.output()).isNotZero();
            assertThat(root.output()).contains("Read-only file system");
            Docker.Result tmp = host(60, "podman", "exec", container, "/opt/jre/bin/java",
                    "-Xlog:os=info:file=/tmp/written-by-test.log", "-version");
            assertThat(tmp.exitCode()).as(tmp.output()).isZero();

            // Limits as the Deployment states them (256Mi, 1 CPU).
            String limits = host(30, "podman", "inspect", container, "--format",
                    "{{.HostConfig.Memory}} {{.HostConfig.CpuQuota}} {{.HostConfig.CpuPeriod}} {{.HostConfig.ReadonlyRootfs}}")
                    .ok("limits").text();
            assertThat(limits).isEqualTo((256L << 20) + " 100000 100000 true");

            // A write through the service lands in the PostgreSQL beside it.
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/items"))
                    .header("content-type", "application/json").timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"from-the-pod-test\",\"quantity\":1}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String rows = host(30, "podman", "exec", "-e", "PGPASSWORD=" + password, database, "psql", "-h", "127.0.0.1", "-U", "app", "-d", "app",
                    "-tAc", "SELECT count(*) FROM items WHERE name = 'from-the-pod-test'").ok("psql").text();
            assertThat(rows).isEqualTo("1");

            // SIGTERM, then the grace period, as the kubelet stops a pod: the service drains and exits 0 on its own.
            // The app container alone, as the kubelet does before it removes the pod's sandbox: podman pod stop would
            // stop the infra container, and with it the pod's network, while the service still closes its pool.
            String stopTimeout = host(30, "podman", "inspect", container, "--format", "{{.Config.StopTimeout}}")
                    .ok("stop timeout").text();
            if (!stopTimeout.equals(Integer.toString(grace))) {
                System.out.println("podman 4.3 departs: terminationGracePeriodSeconds " + grace + " is not its stop"
                        + " timeout (" + stopTimeout + " s); the test stops the container with -t " + grace);
            }
            long stopping = System.nanoTime();
            host(grace + 30L, "podman", "stop", "-t", Integer.toString(grace), container).ok("podman stop");
            System.out.printf("pod stopped in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
            String exit = host(30, "podman", "inspect", container, "--format", "{{.State.ExitCode}}").ok("exit").text();
            String logs = host(30, "podman", "logs", container).text();
            assertThat(exit).as(logs).isEqualTo("0");
            assertThat(logs).contains("\"message\":\"stopped\"");
        } finally {
            for (Path file : played) {
                host(120, "podman", "kube", "down", file.toString());
            }
            host(60, "podman", "rm", "-f", database);
            host(60, "podman", "network", "rm", "-f", network);
            if (secretName != null) {
                host(30, "podman", "secret", "rm", secretName);
                host(30, "podman", "volume", "rm", "-f", secretName);
            }
            host(60, "podman", "rmi", "-f", image, "localhost/" + TEST_IMAGE);
            docker.docker(120, "image", "rm", "-f", TEST_IMAGE);
            if (createdSecret) {
                Files.deleteIfExists(SECRET);
            }
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Podman and its pod infra init (catatonit), or a skip (a failure under HARDENED_REQUIRE_TOOLS=true). */
    private static void requirePodman() throws Exception {
        boolean present = host(30, "podman", "version").exitCode() == 0;
        if (!present && "true".equals(System.getenv("HARDENED_REQUIRE_TOOLS"))) {
            throw new IllegalStateException("podman is missing and HARDENED_REQUIRE_TOOLS=true: .ci/run installs it"
                    + " (apt-get install podman catatonit)");
        }
        Assumptions.assumeTrue(present, "Kubernetes pod test skipped: no podman (apt-get install podman catatonit;"
                + " bash .ci/run does)");
    }

    /** The fields of the pod spec podman 4.3's kube play leaves alone, from the Deployment as committed. */
    @SuppressWarnings("unchecked")
    private static void printIgnored(Map<String, Object> template, Map<String, Object> podSpec, Map<String, Object> app) {
        List<String> ignored = new ArrayList<>();
        for (String field : List.of("topologySpreadConstraints", "serviceAccountName", "automountServiceAccountToken",
                "enableServiceLinks")) {
            if (podSpec.containsKey(field)) {
                ignored.add("spec.template.spec." + field);
            }
        }
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            if (app.containsKey(probe)) {
                ignored.add("containers[app]." + probe + " (no HTTP probes run; the test polls the path itself)");
            }
        }
        ignored.add("volumes[secret].defaultMode (podman writes the file 0644)");
        ignored.add("strategy, revisionHistoryLimit, replicas (one pod, no rollouts)");
        System.out.println("podman 4.3 kube play ignores: " + String.join("; ", ignored));
    }

    private static String env(Map<String, Object> container, String name) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
        return env == null ? null : env.stream().filter(e -> name.equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value"))).findFirst().orElse(null);
    }

    private static Path write(Path file, Map<String, Object> document) throws Exception {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(file, new Yaml(options).dump(document), StandardCharsets.UTF_8);
        return file;
    }

    private static void awaitDatabase(String container) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Docker.Result last = null;
        while (System.nanoTime() < deadline) {
            last = host(30, "podman", "exec", container, "pg_isready", "-h", "127.0.0.1", "-U", "app", "-d", "app");
            if (last.exitCode() == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("PostgreSQL did not become ready: " + (last == null ? "" : last.output())
                + host(30, "podman", "logs", container).output());
    }

    /** The fields of /proc/PID/status with their values' whitespace collapsed. */
    private static Map<String, String> procStatus(String pid) throws Exception {
        Map<String, String> fields = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim().replaceAll("\\s+", " "));
            }
        }
        return fields;
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static Docker.Result host(long timeoutSeconds, String... command) throws Exception {
        return Docker.host(timeoutSeconds, command);
    }
}
