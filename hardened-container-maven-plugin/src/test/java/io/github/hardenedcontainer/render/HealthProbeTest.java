package io.github.hardenedcontainer.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's health probe, from its source in the plugin: it compiles for Java 11 as the Dockerfile compiles it,
 * exits 0 only for a 2xx answer (1 for an error status or no server), and the generated Dockerfile writes exactly
 * that source.
 */
class HealthProbeTest {

    private static String source() throws IOException {
        try (InputStream in = HealthProbeTest.class.getResourceAsStream("/io/github/hardenedcontainer/probe/HealthProbe.java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int probe(Path classes, String url) throws Exception {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(launcher.toString(), "-cp", classes.toString(), "HealthProbe", url)
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        return p.exitValue();
    }

    @Test
    void compilesForJava11AndPassesOnlyA2xxAnswer(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("HealthProbe.java");
        Files.writeString(src, source());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "--release", "11", "-d", classes.toString(), src.toString()))
                .as("javac --release 11").isZero();

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(probe(classes, base + "/health")).as("204").isZero();
            assertThat(probe(classes, base + "/ready")).as("503").isEqualTo(1);
            assertThat(probe(classes, base + "/missing")).as("404").isEqualTo(1);
        } finally {
            server.stop(0);
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(probe(classes, "http://127.0.0.1:" + closed + "/health")).as("nothing listening").isEqualTo(1);
    }

    @Test
    void theGeneratedDockerfileWritesExactlyThisSource() throws IOException {
        Path golden = Path.of(System.getProperty("project.basedir", "."), "src/test/resources/golden/postgres/Dockerfile");
        List<String> written = new ArrayList<>();
        Matcher m = Pattern.compile("^    '(.*)' \\\\$", Pattern.MULTILINE).matcher(Files.readString(golden));
        while (m.find()) {
            written.add(m.group(1).replace("'\\''", "'"));
        }
        assertThat(String.join("\n", written) + "\n").isEqualTo(source());
    }
}
