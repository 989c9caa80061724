package io.github.hardenedcontainer.sample;

import io.github.hardenedcontainer.sample.config.AppConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Shared helpers: free ports, starting the service in-process, polling with a bound. */
public final class TestSupport {

    private TestSupport() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts the service with the given environment plus a free PORT. */
    public static Application startService(Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("PORT", Integer.toString(freePort()));
        all.putIfAbsent("APP_ENV", "test");
        return Application.start(AppConfig.fromEnvironment(all)).await(30, TimeUnit.SECONDS);
    }

    public static WebClient client(Vertx vertx, int port) {
        return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setConnectTimeout(2000).setIdleTimeout(5));
    }

    public static HttpResponse<Buffer> get(WebClient client, String path) throws Exception {
        return client.get(path).timeout(5000).send().await(10, TimeUnit.SECONDS);
    }

    public static HttpResponse<Buffer> postJson(WebClient client, String path, String body) throws Exception {
        return client.post(path).putHeader("content-type", "application/json").timeout(5000)
                .sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
    }

    /** Polls a path until the predicate holds or the time is up; returns the last response. */
    public static HttpResponse<Buffer> pollUntil(WebClient client, String path, Predicate<HttpResponse<Buffer>> done,
            long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        HttpResponse<Buffer> last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                last = get(client, path);
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                // not answering yet
            }
            Thread.sleep(100);
        }
        return last;
    }

    public static JsonObject json(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject();
    }

    /** Environment for a service that uses the given PostgreSQL server. */
    public static Map<String, String> withDatabase(PostgresServer pg) {
        return new HashMap<>(pg.environment());
    }
}
