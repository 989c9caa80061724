package io.github.hardenedcontainer.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine and Compose, driven through their command-line clients. Debian's {@code /usr/bin/docker} is
 * preferred: its built-in BuildKit handles {@code RUN --mount}. Compose is {@code docker-compose} (1.29, with
 * BuildKit through the docker CLI) or the {@code docker compose} plugin.
 */
final class Docker {

    record Result(int exitCode, String output) {
        Result ok(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException(what + " failed (exit " + exitCode + "): " + output);
            }
            return this;
        }

        String text() {
            return output.trim();
        }
    }

    private final String docker;
    private final List<String> compose;
    private final Map<String, String> env;

    private Docker(String docker, List<String> compose, Map<String, String> env) {
        this.docker = docker;
        this.compose = compose;
        this.env = env;
    }

    /**
     * Finds a working engine and Compose, or skips the calling test with one line saying how to enable it (and fails
     * instead when {@code HARDENED_REQUIRE_TOOLS=true}, as in {@code .ci/run}).
     */
    static Docker require(Map<String, String> env) throws Exception {
        String docker = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
        Docker probe = new Docker(docker, List.of(), env);
        boolean engine = probe.tryRun(List.of(docker, "info"), 30).exitCode() == 0;
        List<String> compose = null;
        if (engine) {
            if (probe.tryRun(List.of("docker-compose", "version"), 30).exitCode() == 0) {
                compose = List.of("docker-compose");
            } else if (probe.tryRun(List.of(docker, "compose", "version"), 30).exitCode() == 0) {
                compose = List.of(docker, "compose");
            }
        }
        String missing = !engine ? "no Docker engine answers" : compose == null ? "no Docker Compose" : null;
        if (missing != null && "true".equals(System.getenv("HARDENED_REQUIRE_TOOLS"))) {
            throw new IllegalStateException(missing + " and HARDENED_REQUIRE_TOOLS=true: .ci/run installs and starts"
                    + " Docker; run it, or start dockerd");
        }
        Assumptions.assumeTrue(missing == null, "Container tests skipped: " + missing
                + "; install Docker and Compose and start dockerd (bash .ci/run does) to run them");
        return new Docker(docker, compose, env);
    }

    Result docker(long timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(docker));
        command.addAll(List.of(args));
        return tryRun(command, timeoutSeconds);
    }

    Result compose(long timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of(args));
        return tryRun(command, timeoutSeconds);
    }

    /** Runs a host command (no Docker), for reading host state such as firewall rules. */
    static Result host(long timeoutSeconds, String... command) throws Exception {
        return new Docker("docker", List.of(), Map.of()).tryRun(List.of(command), timeoutSeconds);
    }

    private Result tryRun(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        // Compose 1.29 builds through the first docker on PATH; Debian's has BuildKit built in.
        pb.environment().put("PATH", "/usr/bin:" + pb.environment().getOrDefault("PATH", "/bin"));
        pb.environment().put("DOCKER_BUILDKIT", "1");
        pb.environment().put("COMPOSE_DOCKER_CLI_BUILD", "1");
        Process process;
        try {
            process = pb.start();
        } catch (IOException notInstalled) {
            return new Result(127, notInstalled.getMessage());
        }
        Path out = Files.createTempFile("docker-", ".log");
        try {
            Thread reader = new Thread(() -> {
                try {
                    Files.write(out, process.getInputStream().readAllBytes());
                } catch (IOException ignored) {
                    // the process died
                }
            });
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                reader.join(5000);
                return new Result(124, String.join(" ", command) + " timed out after " + timeoutSeconds + " s: "
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            reader.join(10_000);
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
