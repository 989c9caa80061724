package io.github.hardenedcontainer.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests: its own data directory under the system temp directory, its own loopback
 * port, password authentication (SCRAM), and stop/start for outage tests. Uses the Debian packages' binaries
 * ({@code postgresql-15} or newer under {@code /usr/lib/postgresql}); as root it runs them as the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 *
 * <p>Without PostgreSQL binaries the calling test is skipped on a developer machine (one line says how to
 * install them) and fails when {@code HARDENED_REQUIRE_TOOLS=true} ({@code .ci/run} sets it).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "app";
    public static final String DATABASE = "app";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private volatile String password;
    private final boolean asPostgres;

    private PostgresServer(Path bin, Path dir, int port, String password, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.password = password;
        this.asPostgres = asPostgres;
    }

    /** Creates a fresh cluster with user and database {@code app}, and starts it. */
    public static PostgresServer start() throws Exception {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("pg-test-");
        String password = "pw-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        Files.writeString(dir.resolve("password"), password + "\n", StandardCharsets.UTF_8);
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(dir.resolve("password"), postgres);
        }
        PostgresServer server = new PostgresServer(bin, dir, freePort(), password, root);
        server.run("initdb", "-D", server.data.toString(), "-U", USER, "--auth=scram-sha-256",
                "--pwfile=" + dir.resolve("password"), "-E", "UTF8", "--locale=C", "--no-sync");
        server.startServer();
        server.runWithPassword("createdb", "-h", "127.0.0.1", "-p", Integer.toString(server.port), "-U", USER, DATABASE);
        return server;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** {@code DATABASE_URL} without the password (pair it with {@link #passwordFile()}). */
    public String url() {
        return "postgres://" + USER + "@127.0.0.1:" + port + "/" + DATABASE;
    }

    /** A file holding the password, as a Compose or Kubernetes secret would. */
    public Path passwordFile() {
        return dir.resolve("password");
    }

    /**
     * The environment the service needs to reach this server, applying the migrations itself at start (one process,
     * as a local run does; MigrationStepIT covers the default, where the migrate command does it first).
     */
    public Map<String, String> environment() {
        return Map.of("DATABASE_URL", url(), "DATABASE_PASSWORD_FILE", passwordFile().toString(),
                "DATABASE_MIGRATIONS", "apply");
    }

    public void stopServer() throws Exception {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "30", "stop");
    }

    public void startServer() throws Exception {
        run("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "30",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off", "start");
    }

    /**
     * Turns TLS on with a new self-signed certificate for the host name {@code localhost} only (not 127.0.0.1), and
     * restarts the server. Password connections without TLS stay allowed.
     *
     * @return the certificate (PEM): the CA a client that verifies must trust
     */
    public Path enableTls() throws Exception {
        Path certificate = selfSignedCertificate("server", "localhost");
        Path key = dir.resolve("server.key");
        if (asPostgres) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(certificate, postgres);
            Files.setOwner(key, postgres);
        }
        Files.writeString(data.resolve("postgresql.conf"), "\nssl = on\nssl_cert_file = '" + certificate
                + "'\nssl_key_file = '" + key + "'\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        stopServer();
        startServer();
        return certificate;
    }

    /** A self-signed certificate (and its key, NAME.key, mode 600) in this server's directory, for a DNS name. */
    public Path selfSignedCertificate(String name, String dnsName) throws Exception {
        Path certificate = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + dnsName, "-addext", "subjectAltName=DNS:" + dnsName,
                "-keyout", key.toString(), "-out", certificate.toString()).redirectErrorStream(true).start();
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IllegalStateException("openssl could not make a certificate: " + out);
        }
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return certificate;
    }

    /** Changes the password of the user {@code app} (ALTER ROLE), and the one this helper logs in with. */
    public void alterPassword(String newPassword) throws Exception {
        psql("ALTER ROLE " + USER + " PASSWORD '" + newPassword.replace("'", "''") + "'");
        password = newPassword;
    }

    /** Runs SQL through psql and returns its unaligned output. */
    public String psql(String sql) throws Exception {
        return runWithPassword("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, "-d", DATABASE,
                "-v", "ON_ERROR_STOP=1", "-A", "-t", "-c", sql);
    }

    @Override
    public void close() throws Exception {
        try {
            stopServer();
        } catch (Exception ignored) {
            // already stopped
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private String runWithPassword(String tool, String... args) throws Exception {
        return exec(Map.of("PGPASSWORD", password), tool, args);
    }

    private String run(String tool, String... args) throws Exception {
        return exec(Map.of(), tool, args);
    }

    private String exec(Map<String, String> env, String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--", "env"));
            env.forEach((k, v) -> command.add(k + "=" + v));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().putAll(env);
        Process process = pb.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " did not finish in 60 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(tool + " failed (exit " + process.exitValue() + "): " + text);
        }
        return text;
    }

    private static Path findBinaries() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        Path found = null;
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
            }
        }
        if (found == null && "true".equals(System.getenv("HARDENED_REQUIRE_TOOLS"))) {
            throw new IllegalStateException("PostgreSQL server binaries are missing and HARDENED_REQUIRE_TOOLS=true:"
                    + " apt-get install postgresql (.ci/run does)");
        }
        Assumptions.assumeTrue(found != null,
                "PostgreSQL not installed: apt-get install postgresql to run the database tests");
        return found;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
