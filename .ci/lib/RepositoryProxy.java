// An organisation's repository manager in miniature, for .ci/consume-release: one Maven repository URL that serves
// the organisation's own group (io/github/hardenedcontainer) from a directory and everything else from Maven
// Central, as a group repository of a Nexus or Artifactory does. The own group is never looked up on Central (a
// routing rule), so a build can only get the plugin from the directory. Listens on 127.0.0.1 only; logs one line
// per request ("local|central|missing METHOD PATH STATUS") to standard output.
//
// Usage: java RepositoryProxy.java DIRECTORY PORT-FILE   (writes the chosen port to PORT-FILE when ready)
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;

public class RepositoryProxy {

    private static final String OWN_GROUP = "/io/github/hardenedcontainer/";
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toRealPath();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try {
                serve(exchange, root, client);
            } catch (Exception e) {
                System.out.println("error " + exchange.getRequestURI().getPath() + " " + e);
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        Files.writeString(Path.of(args[1]), Integer.toString(server.getAddress().getPort()));
    }

    private static void serve(HttpExchange exchange, Path root, HttpClient client) throws Exception {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET") || path.contains("..")) {
            reply(exchange, "missing", 405, null);
            return;
        }
        if (path.startsWith(OWN_GROUP)) {
            Path file = root.resolve(path.substring(1)).normalize();
            if (file.startsWith(root) && Files.isRegularFile(file)) {
                reply(exchange, "local", 200, head ? null : Files.readAllBytes(file));
            } else {
                reply(exchange, "missing", 404, null);
            }
            return;
        }
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(CENTRAL + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        reply(exchange, "central", response.statusCode(), head || response.statusCode() != 200 ? null : response.body());
    }

    private static void reply(HttpExchange exchange, String source, int status, byte[] body) throws IOException {
        System.out.println(source + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + status);
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
