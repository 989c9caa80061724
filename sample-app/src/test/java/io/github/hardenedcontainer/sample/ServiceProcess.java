package io.github.hardenedcontainer.sample;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged service ({@code java -jar target/sample-app.jar}) as a separate process, as a container runs it. */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("app.jar", "target/sample-app.jar")).toAbsolutePath();

    final Process process;
    final int port;
    final Path stdout;
    final Path stderr;
    final LoopbackHttp http;

    private ServiceProcess(Process process, int port, Path stdout, Path stderr) {
        this.process = process;
        this.port = port;
        this.stdout = stdout;
        this.stderr = stderr;
        this.http = new LoopbackHttp(port);
    }

    /**
     * Starts the service.
     *
     * @param prefix command words before {@code java} (for example {@code runuser -u nobody --}), or empty
     * @param jar the jar to run (its {@code lib/} must sit beside it)
     * @param workDir the working directory
     * @param tmpDir the only directory the service may write to
     */
    static ServiceProcess start(List<String> prefix, Path jar, Path workDir, Path tmpDir, Map<String, String> env,
            Path logs) throws IOException {
        return start(prefix, jar, workDir, tmpDir, env, logs, List.of());
    }

    /** Starts the jar with program arguments (a command such as {@code migrate}). */
    static ServiceProcess start(List<String> prefix, Path jar, Path workDir, Path tmpDir, Map<String, String> env,
            Path logs, List<String> args) throws IOException {
        int port = TestSupport.freePort();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Djava.io.tmpdir=" + tmpDir, "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DATABASE_") || k.equals("PORT") || k.equals("APP_ENV"));
        pb.environment().putAll(env);
        pb.environment().putIfAbsent("PORT", Integer.toString(port));
        Path out = logs.resolve("stdout.log");
        Path err = logs.resolve("stderr.log");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new ServiceProcess(pb.start(), port, out, err);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.get(path);
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.post(path, json);
    }

    /** Polls a path until it answers the status, the time is up, or the process ends; milliseconds or -1. */
    long awaitStatus(String path, int status, long timeoutMs) throws InterruptedException {
        return http.awaitStatus(path, status, timeoutMs, process::isAlive);
    }

    /** Resident set size of the JVM in KiB, from /proc (the direct child, or its child when run through runuser). */
    long rssKib() throws IOException {
        long pid = process.descendants().map(ProcessHandle::pid).findFirst().orElse(process.pid());
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    String out() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
