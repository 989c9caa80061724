package io.github.hardenedcontainer.sample;

import static io.github.hardenedcontainer.sample.TestSupport.get;
import static io.github.hardenedcontainer.sample.TestSupport.json;
import static io.github.hardenedcontainer.sample.TestSupport.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every endpoint's contract against a real PostgreSQL. */
@ExtendWith(VertxExtension.class)
class ServiceTest {

    private static PostgresServer pg;
    private static Application app;
    private static Vertx clientVertx;
    private static WebClient client;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresServer.start();
        app = TestSupport.startService(TestSupport.withDatabase(pg));
        clientVertx = Vertx.vertx();
        client = TestSupport.client(clientVertx, app.port());
        HttpResponse<Buffer> ready = TestSupport.pollUntil(client, "/ready", r -> r.statusCode() == 200, 15_000);
        assertThat(ready.statusCode()).as("ready once migrated: %s", ready.bodyAsString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.shutdown().await(20, TimeUnit.SECONDS);
        }
        if (clientVertx != null) {
            clientVertx.close().await(10, TimeUnit.SECONDS);
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void rootNamesTheService() throws Exception {
        HttpResponse<Buffer> r = get(client, "/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("application/json");
        JsonObject body = json(r);
        assertThat(body.getString("name")).isEqualTo("sample-app");
        assertThat(body.getString("version")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(body.getString("status")).isEqualTo("running");
    }

    @Test
    void healthAndReadiness(VertxTestContext ctx) {
        client.get("/health").send().compose(health -> {
            ctx.verify(() -> {
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "healthy"));
            });
            return client.get("/ready").send();
        }).onComplete(ctx.succeeding(ready -> ctx.verify(() -> {
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "ready"));
            ctx.completeNow();
        })));
    }

    @Test
    void infoShowsRuntimeFactsAndNoSecret() throws Exception {
        HttpResponse<Buffer> r = get(client, "/info");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject info = json(r);
        assertThat(info.fieldNames()).contains("name", "version", "gitCommit", "environment", "java", "os", "hostname",
                "uptimeSeconds");
        assertThat(info.getString("environment")).isEqualTo("test");
        assertThat(info.getJsonObject("java").getString("version")).isEqualTo(System.getProperty("java.version"));
        assertThat(info.getLong("uptimeSeconds")).isNotNegative();
        assertThat(r.bodyAsString()).doesNotContain(pg.password()).doesNotContain("postgres://")
                .doesNotContain(Integer.toString(pg.port()));
    }

    @Test
    void anItemIsCreatedAndReadBack() throws Exception {
        HttpResponse<Buffer> created = postJson(client, "/api/items", "{\"name\": \"  widget  \", \"quantity\": 3}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject item = json(created);
        long id = item.getLong("id");
        assertThat(created.getHeader("location")).isEqualTo("/api/items/" + id);
        assertThat(item.getString("name")).isEqualTo("widget");
        assertThat(item.getInteger("quantity")).isEqualTo(3);
        assertThat(item.getString("createdAt")).isNotBlank();

        HttpResponse<Buffer> read = get(client, "/api/items/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(item);
        assertThat(get(client, "/api/items/" + (id + 1_000_000)).statusCode()).isEqualTo(404);
    }

    @Test
    void listingIsPagedAndTheLimitIsCapped() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(postJson(client, "/api/items", "{\"name\": \"page-" + i + "\", \"quantity\": " + i + "}")
                    .statusCode()).isEqualTo(201);
        }
        JsonObject page = json(get(client, "/api/items?limit=2&offset=1"));
        assertThat(page.getInteger("limit")).isEqualTo(2);
        assertThat(page.getLong("offset")).isEqualTo(1);
        JsonArray items = page.getJsonArray("items");
        assertThat(items).hasSize(2);
        assertThat(items.getJsonObject(0).getLong("id")).isLessThan(items.getJsonObject(1).getLong("id"));
        assertThat(json(get(client, "/api/items?limit=5000")).getInteger("limit")).isEqualTo(100);
        assertThat(json(get(client, "/api/items")).getInteger("limit")).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "POST|/api/items|application/json|{\"name\": \"x\"|400|the body is not valid JSON",
        "POST|/api/items|application/json|[1, 2]|400|the body must be a JSON object with name and quantity",
        "POST|/api/items|application/json|`\"text\"`|400|the body must be a JSON object with name and quantity",
        "POST|/api/items|application/json|{}|400|name must be a non-empty string",
        "POST|/api/items|application/json|{\"name\": \"\", \"quantity\": 1}|400|name must be a non-empty string",
        "POST|/api/items|application/json|{\"name\": 5, \"quantity\": 1}|400|name must be a non-empty string",
        "POST|/api/items|application/json|{\"name\": \"a\"}|400|quantity must be a whole number",
        "POST|/api/items|application/json|{\"name\": \"a\", \"quantity\": \"3\"}|400|quantity must be a whole number",
        "POST|/api/items|application/json|{\"name\": \"a\", \"quantity\": 1.5}|400|quantity must be a whole number",
        "POST|/api/items|application/json|{\"name\": \"a\", \"quantity\": -1}|400|quantity must be from 0 to 1000000",
        "POST|/api/items|application/json|{\"name\": \"a\", \"quantity\": 99999999999}|400|quantity must be from 0 to 1000000",
        "POST|/api/items|application/json|{\"name\": \"a\", \"quantity\": 1, \"id\": 7}|400|unknown field \"id\": only name and quantity are accepted",
        "POST|/api/items|text/plain|hello|415|send the item as application/json",
        "GET|/api/items/abc|||400|id must be a whole number from 1 up",
        "GET|/api/items/0|||400|id must be a whole number from 1 up",
        "GET|/api/items/99999999999999999999|||400|id must be a whole number from 1 up",
        "GET|/api/items?limit=abc|||400|limit must be a whole number from 1 up",
        "GET|/api/items?offset=-3|||400|offset must be a whole number from 0 to 1000000000",
        "GET|/no/such/route|||404|no such resource",
        "DELETE|/api/items/1|||405|method DELETE is not allowed here",
        "PUT|/health|||405|method PUT is not allowed here"
    })
    void badInputGetsAClearJsonErrorAndNever5xx(String method, String path, String contentType, String body,
            int status, String message) throws Exception {
        var request = client.request(io.vertx.core.http.HttpMethod.valueOf(method), path).timeout(5000);
        if (contentType != null) {
            request.putHeader("content-type", contentType);
        }
        HttpResponse<Buffer> r = (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)))
                .await(10, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.getHeader("content-type")).isEqualTo("application/json");
        assertThat(json(r).getString("message")).isEqualTo(message);
        assertThat(json(r).getString("error")).isNotBlank();
    }

    @Test
    void aNameLongerThanTheLimitAndABodyOverTheSizeLimitAreRejected() throws Exception {
        HttpResponse<Buffer> tooLong = postJson(client, "/api/items", new JsonObject().put("name", "n".repeat(101))
                .put("quantity", 1).encode());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).getString("message")).isEqualTo("name must be at most 100 characters");

        HttpResponse<Buffer> huge = postJson(client, "/api/items", new JsonObject().put("name", "n".repeat(20_000))
                .put("quantity", 1).encode());
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(json(huge).getString("error")).isEqualTo("payload_too_large");
    }

    @Test
    void metricsAreLabelledByRouteTemplateAndStayBounded() throws Exception {
        for (int i = 0; i < 60; i++) {
            assertThat(get(client, "/random/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
            assertThat(get(client, "/api/items/" + (1_000_000 + i)).statusCode()).isEqualTo(404);
        }
        HttpResponse<Buffer> r = get(client, "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("text/plain");
        String text = r.bodyAsString();
        assertThat(text).contains("vertx_http_server_requests_total", "vertx_http_server_response_time_seconds",
                "jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "process_cpu_usage",
                "process_uptime_seconds", "vertx_pool_", "vertx_http_server_response_time_seconds_bucket{");

        Pattern routeLabel = Pattern.compile("^vertx_http_server_requests_total\\{[^}]*route=\"([^\"]*)\"", Pattern.MULTILINE);
        Set<String> routes = new HashSet<>();
        Matcher m = routeLabel.matcher(text);
        while (m.find()) {
            routes.add(m.group(1));
        }
        assertThat(routes).contains("/api/items/:id").noneMatch(route -> route.startsWith("/random/"))
                .noneMatch(route -> route.matches(".*/\\d+$"));
        assertThat(routes.size()).as("route label values: %s", routes).isLessThanOrEqualTo(10);
    }
}
