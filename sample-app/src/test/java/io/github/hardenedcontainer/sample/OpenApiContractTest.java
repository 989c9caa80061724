package io.github.hardenedcontainer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the service serves at {@code /openapi.json} against the service itself: the document is a
 * valid OpenAPI 3.1 description (Vert.x OpenAPI checks it against the specification's schema), every route the
 * server answers is documented and every documented operation is routed, and every documented response of every
 * operation is produced by a real request and matches its schema, status and required headers. One service runs
 * with a real PostgreSQL, a second one without a database (for the documented 503 answers).
 */
class OpenApiContractTest {

    private static PostgresServer pg;
    private static Application app;
    private static Application noDatabase;
    private static Vertx vertx;
    private static WebClient client;
    private static WebClient noDatabaseClient;
    private static OpenAPIContract contract;
    private static byte[] resource;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresServer.start();
        app = TestSupport.startService(TestSupport.withDatabase(pg));
        noDatabase = TestSupport.startService(Map.of());
        vertx = Vertx.vertx();
        client = TestSupport.client(vertx, app.port());
        noDatabaseClient = TestSupport.client(vertx, noDatabase.port());
        HttpResponse<Buffer> ready = TestSupport.pollUntil(client, "/ready", r -> r.statusCode() == 200, 15_000);
        assertThat(ready.statusCode()).as("ready once migrated: %s", ready.bodyAsString()).isEqualTo(200);
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/api/openapi.json")) {
            resource = in.readAllBytes();
        }
        HttpResponse<Buffer> served = TestSupport.get(client, "/openapi.json");
        assertThat(served.statusCode()).isEqualTo(200);
        contract = OpenAPIContract.from(vertx, served.bodyAsJsonObject()).await(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Application a : new Application[] {app, noDatabase}) {
            if (a != null) {
                a.shutdown().await(20, TimeUnit.SECONDS);
            }
        }
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void servesItsOwnDocumentAsValidOpenApi31() throws Exception {
        HttpResponse<Buffer> served = TestSupport.get(client, "/openapi.json");
        assertThat(served.getHeader("content-type")).isEqualTo("application/json");
        assertThat(served.body().getBytes()).isEqualTo(resource);
        assertThat(contract.getVersion()).isEqualTo(OpenAPIVersion.V3_1);
    }

    @Test
    void theValidatorRejectsABrokenDocument() {
        JsonObject broken = new JsonObject(Buffer.buffer(resource));
        broken.getJsonObject("paths").getJsonObject("/health").getJsonObject("get").put("responses", "none");
        assertThatThrownBy(() -> OpenAPIContract.from(vertx, broken).await(30, TimeUnit.SECONDS))
                .hasMessageContaining("invalid");
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
        Set<String> documented = contract.operations().stream()
                .map(o -> o.getHttpMethod().name() + " " + o.getOpenAPIPath())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).containsExactlyElementsOf(app.routes());
        assertThat(documented).hasSize(9);
    }

    @Test
    void everyDocumentedResponseIsProducedAndMatchesTheDocument() throws Exception {
        Exchanges x = new Exchanges();
        x.send(client, HttpMethod.GET, "/", null, null, "getRoot", 200);
        x.send(client, HttpMethod.GET, "/health", null, null, "getHealth", 200);
        x.send(client, HttpMethod.GET, "/ready", null, null, "getReady", 200);
        x.send(noDatabaseClient, HttpMethod.GET, "/ready", null, null, "getReady", 503);
        x.send(client, HttpMethod.GET, "/info", null, null, "getInfo", 200);
        HttpResponse<Buffer> metrics = x.send(client, HttpMethod.GET, "/metrics", null, null, "getMetrics", 200);
        // A text body has no JSON schema: check that it is the Prometheus text format.
        assertThat(metrics.bodyAsString()).contains("# TYPE vertx_http_server_requests_total counter");
        x.send(client, HttpMethod.GET, "/openapi.json", null, null, "getOpenApi", 200);

        HttpResponse<Buffer> created = x.send(client, HttpMethod.POST, "/api/items", "application/json",
                "{\"name\": \" contract \", \"quantity\": 3}", "createItem", 201);
        x.send(client, HttpMethod.POST, "/api/items", "application/json", "{\"name\": \"\", \"quantity\": 3}",
                "createItem", 400);
        x.send(client, HttpMethod.POST, "/api/items", "application/json",
                "{\"name\": \"" + "x".repeat(17 * 1024) + "\", \"quantity\": 1}", "createItem", 413);
        x.send(client, HttpMethod.POST, "/api/items", "text/plain", "name=contract", "createItem", 415);
        x.send(noDatabaseClient, HttpMethod.POST, "/api/items", "application/json",
                "{\"name\": \"contract\", \"quantity\": 3}", "createItem", 503);

        String location = created.getHeader("location");
        x.send(client, HttpMethod.GET, location, null, null, "getItem", 200);
        x.send(client, HttpMethod.GET, "/api/items/abc", null, null, "getItem", 400);
        x.send(client, HttpMethod.GET, "/api/items/999999999", null, null, "getItem", 404);
        x.send(noDatabaseClient, HttpMethod.GET, "/api/items/1", null, null, "getItem", 503);

        x.send(client, HttpMethod.GET, "/api/items?limit=2&offset=0", null, null, "listItems", 200);
        x.send(client, HttpMethod.GET, "/api/items?limit=0", null, null, "listItems", 400);
        x.send(noDatabaseClient, HttpMethod.GET, "/api/items", null, null, "listItems", 503);

        assertThat(x.exercised).as("every documented response of every operation was produced")
                .containsExactlyElementsOf(documentedResponses());
    }

    /** {@code "operationId status"} for every response the document declares. */
    private static Set<String> documentedResponses() {
        Set<String> all = new TreeSet<>();
        JsonObject document = new JsonObject(Buffer.buffer(resource));
        for (Operation operation : contract.operations()) {
            JsonObject responses = document.getJsonObject("paths")
                    .getJsonObject(operation.getOpenAPIPath())
                    .getJsonObject(operation.getHttpMethod().name().toLowerCase(java.util.Locale.ROOT))
                    .getJsonObject("responses");
            responses.fieldNames().forEach(status -> all.add(operation.getOperationId() + " " + status));
        }
        return all;
    }

    /** Sends requests, checks each response against the document, and records what was exercised. */
    private static final class Exchanges {
        private final ResponseValidator validator = ResponseValidator.create(vertx, contract);
        final Set<String> exercised = new TreeSet<>();

        HttpResponse<Buffer> send(WebClient c, HttpMethod method, String uri, String contentType, String body,
                String operationId, int expectedStatus) throws Exception {
            var request = c.request(method, uri).timeout(5000);
            if (contentType != null) {
                request.putHeader("content-type", contentType);
            }
            HttpResponse<Buffer> response = (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)))
                    .await(10, TimeUnit.SECONDS);
            String what = method + " " + (uri.length() > 60 ? uri.substring(0, 60) + "..." : uri);
            assertThat(response.statusCode()).as("%s: %s", what, response.bodyAsString()).isEqualTo(expectedStatus);
            Operation documented = contract.findOperation(uri.replaceAll("\\?.*", ""), method);
            assertThat(documented).as("%s is documented", what).isNotNull();
            assertThat(documented.getOperationId()).isEqualTo(operationId);
            // The media type without its parameters: Vert.x OpenAPI matches "text/plain" but not Prometheus's
            // "text/plain; version=0.0.4; charset=utf-8"; the document's content keys carry no parameters either.
            String mediaType = response.getHeader("content-type").replaceAll(";.*", "").trim();
            ValidatableResponse actual = ValidatableResponse.create(response.statusCode(), headers(response.headers()),
                    response.body(), mediaType);
            validator.validate(actual, operationId).await(10, TimeUnit.SECONDS);
            exercised.add(operationId + " " + response.statusCode());
            return response;
        }

        private static Map<String, String> headers(MultiMap headers) {
            Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach(h -> map.put(h.getKey(), h.getValue()));
            return new HashMap<>(map) {
                @Override
                public String get(Object key) {
                    return key instanceof String name ? map.get(name) : null;
                }
            };
        }
    }
}
