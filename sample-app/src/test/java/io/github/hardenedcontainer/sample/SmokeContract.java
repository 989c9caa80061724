package io.github.hardenedcontainer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The smoke contract of a running sample-app: what {@link StackIT} checks on the stack it starts, and what
 * {@code make smoke} checks on the stack {@code make up} started. It stores one item (named {@code smoke}).
 *
 * <pre>./mvnw -q -pl sample-app -Dhardened.skip=true test-compile exec:java@smoke -Dsmoke.port=8080</pre>
 */
final class SmokeContract {

    private SmokeContract() {
    }

    /** Runs every check against the service on 127.0.0.1:{@code port}; returns what passed, fails on the first miss. */
    static List<String> check(LoopbackHttp http) throws Exception {
        List<String> passed = new ArrayList<>();
        HttpResponse<String> health = http.get("/health");
        assertThat(health.statusCode()).as("GET /health: %s", health.body()).isEqualTo(200);
        assertThat(new JsonObject(health.body()).getString("status")).isEqualTo("healthy");
        passed.add("GET /health 200 healthy");

        long readyMs = http.awaitStatus("/ready", 200, 30_000, () -> true);
        assertThat(readyMs).as("GET /ready answers 200 within 30 s: %s", http.get("/ready").body()).isNotNegative();
        passed.add("GET /ready 200 (database round trip)");

        HttpResponse<String> info = http.get("/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(info.body()).getString("name")).isEqualTo("sample-app");
        passed.add("GET /info 200 sample-app");

        HttpResponse<String> metrics = http.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("vertx_http_server_requests_total");
        passed.add("GET /metrics 200 Prometheus text");

        HttpResponse<String> openApi = http.get("/openapi.json");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(openApi.body()).getString("openapi")).startsWith("3.1");
        passed.add("GET /openapi.json 200 OpenAPI 3.1");

        HttpResponse<String> created = http.post("/api/items", "{\"name\": \"smoke\", \"quantity\": 7}");
        assertThat(created.statusCode()).as("POST /api/items: %s", created.body()).isEqualTo(201);
        String location = created.headers().firstValue("location").orElseThrow();
        passed.add("POST /api/items 201 " + location);

        HttpResponse<String> read = http.get(location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(read.body()).getString("name")).isEqualTo("smoke");
        passed.add("GET " + location + " 200 smoke (read back from PostgreSQL)");
        return passed;
    }

    /** {@code make smoke}: the port as the only argument. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8080");
        System.out.println("smoke: http://127.0.0.1:" + port);
        try {
            for (String line : check(new LoopbackHttp(port))) {
                System.out.println("smoke: ok   " + line);
            }
        } catch (AssertionError | java.io.IOException e) {
            System.out.println("smoke: FAIL " + String.valueOf(e.getMessage()).strip().lines().findFirst().orElse(""));
            throw e;
        }
        System.out.println("smoke: all checks passed");
    }
}
