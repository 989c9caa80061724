package io.github.hardenedcontainer.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.hardenedcontainer.model.ImageReference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client against a registry served on the loopback interface by this test, speaking the Registry
 * HTTP API's authentication as Docker Hub and GHCR do (a 401 with a Bearer challenge, then a token from the
 * realm) and as a basic-auth registry does. The real registry of the publish and pin ITs covers the rest.
 */
class RegistryClientTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private HttpServer server;
    private String host;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        host = "127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static ImageReference ref(String text) {
        return ImageReference.parse(text).reference().orElseThrow();
    }

    @Test
    void anonymousBearerTokenFlowAsDockerHubAndGhcrSpeakIt() throws Exception {
        server.createContext("/token", exchange -> {
            requests.add("token " + exchange.getRequestURI().getQuery() /* decoded */);
            byte[] body = "{\"token\":\"t0k3n\",\"expires_in\":300}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v2/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + auth);
            assertThat(exchange.getRequestHeaders().getFirst("Accept")).contains("application/vnd.oci.image.index.v1+json");
            if (!"Bearer t0k3n".equals(auth)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + host
                        + "/token\",service=\"registry.test\",scope=\"repository:team/jre:pull\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                exchange.getResponseHeaders().add("Docker-Content-Digest", DIGEST);
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        String digest = new RegistryClient(h -> Optional.empty()).digest(ref(host + "/team/jre:21-jre"));
        assertThat(digest).isEqualTo(DIGEST);
        assertThat(requests).containsExactly(
                "HEAD /v2/team/jre/manifests/21-jre null",
                "token service=registry.test&scope=repository:team/jre:pull",
                "HEAD /v2/team/jre/manifests/21-jre Bearer t0k3n");
    }

    @Test
    void basicAuthWithTheStoredCredentialsAndAClearErrorWithoutThem() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8));
        server.createContext("/v2/", exchange -> {
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"private\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                exchange.getResponseHeaders().add("Docker-Content-Digest", DIGEST);
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        assertThat(new RegistryClient(h -> h.equals(host) ? Optional.of("ci:s3cret") : Optional.empty())
                .digest(ref(host + "/base/postgres:16"))).isEqualTo(DIGEST);
        assertThatThrownBy(() -> new RegistryClient(h -> Optional.empty()).digest(ref(host + "/base/postgres:16")))
                .isInstanceOf(IOException.class)
                .hasMessage(host + "/base/postgres:16: " + host + " needs credentials: log in with docker login " + host);
        assertThatThrownBy(() -> new RegistryClient(h -> Optional.of("ci:wrong")).digest(ref(host + "/base/postgres:16")))
                .hasMessageContaining("refused access to base/postgres (HTTP 401): log in with docker login " + host);
    }

    @Test
    void withoutADigestHeaderTheDigestIsThatOfTheManifestBytes() throws Exception {
        byte[] manifest = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/v2/", exchange -> {
            requests.add(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : manifest.length);
            if (!exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseBody().write(manifest);
            }
            exchange.close();
        });
        assertThat(new RegistryClient(h -> Optional.empty()).digest(ref(host + "/x/y:1")))
                .isEqualTo("sha256:" + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(manifest)));
        assertThat(requests).containsExactly("HEAD", "GET");
    }

    @Test
    void anUnknownTagNamesTheImageAndTheTag() {
        server.createContext("/v2/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        assertThatThrownBy(() -> new RegistryClient(h -> Optional.empty()).digest(ref(host + "/team/jre:99")))
                .isInstanceOf(IOException.class)
                .hasMessage(host + "/team/jre:99: " + host + " has no tag 99 of team/jre (HTTP 404): check the image"
                        + " name and tag");
    }

    @Test
    void imageNamesMapToTheirRegistryAsDockerDoes() {
        RegistryClient.Location hub = RegistryClient.Location.of(ref("postgres:16-alpine"));
        assertThat(hub.host()).isEqualTo("docker.io");
        assertThat(hub.api().toString()).isEqualTo("https://registry-1.docker.io");
        assertThat(hub.path()).isEqualTo("library/postgres");
        assertThat(RegistryClient.Location.of(ref("bitnami/postgresql:16")).path()).isEqualTo("bitnami/postgresql");
        assertThat(RegistryClient.Location.of(ref("docker.io/library/maven:3.9.11")).path()).isEqualTo("library/maven");
        RegistryClient.Location ghcr = RegistryClient.Location.of(ref("ghcr.io/acme/base/jre:21"));
        assertThat(ghcr.api().toString()).isEqualTo("https://ghcr.io");
        assertThat(ghcr.path()).isEqualTo("acme/base/jre");
        assertThat(RegistryClient.Location.of(ref("gcr.io/distroless/cc-debian12:nonroot")).path())
                .isEqualTo("distroless/cc-debian12");
        assertThat(RegistryClient.Location.of(ref("localhost:5000/jre:21")).api().toString())
                .isEqualTo("http://localhost:5000");
        assertThat(RegistryClient.Location.of(ref("registry.example.com:5000/jre:21")).api().toString())
                .isEqualTo("https://registry.example.com:5000");
    }

    @Test
    void dockerLoginCredentialsByHost(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
                + Base64.getEncoder().encodeToString("hubuser:hubpass".getBytes(StandardCharsets.UTF_8))
                + "\"},\"registry.example.com:5000\":{\"auth\":\""
                + Base64.getEncoder().encodeToString("ci:tok".getBytes(StandardCharsets.UTF_8)) + "\"}},"
                + "\"credsStore\":\"desktop\"}");
        var credentials = DockerCredentials.from(config);
        assertThat(credentials.apply("docker.io")).contains("hubuser:hubpass");
        assertThat(credentials.apply("registry.example.com:5000")).contains("ci:tok");
        assertThat(credentials.apply("ghcr.io")).isEmpty();
        assertThat(DockerCredentials.from(dir.resolve("absent.json")).apply("docker.io")).isEmpty();
        assertThat(DockerCredentials.configFile(java.util.Map.of("DOCKER_CONFIG", "/etc/ci-docker"), dir))
                .isEqualTo(Path.of("/etc/ci-docker/config.json"));
        assertThat(DockerCredentials.configFile(java.util.Map.of(), dir)).isEqualTo(dir.resolve(".docker/config.json"));
    }
}
