package io.github.hardenedcontainer.sample.http;

import io.github.hardenedcontainer.sample.db.Database;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Set;

/** {@code /api/items}: create, read one, list a page. Prepared statements only. */
final class ItemsApi {

    static final int MAX_NAME = 100;
    static final int MAX_QUANTITY = 1_000_000;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Set<String> FIELDS = Set.of("name", "quantity");

    private final Database database;

    ItemsApi(Database database) {
        this.database = database;
    }

    /** POST: 201 with the stored item and its location. */
    Future<JsonObject> create(RoutingContext ctx) {
        JsonObject item = parseItem(ctx);
        return db().withTransaction(conn -> conn.preparedQuery(
                        "INSERT INTO items (name, quantity) VALUES ($1, $2) RETURNING id, name, quantity, created_at")
                .execute(Tuple.of(item.getString("name"), item.getInteger("quantity"))))
                .recover(ItemsApi::unavailable)
                .map(rows -> {
                    JsonObject stored = toJson(rows.iterator().next());
                    ctx.response().setStatusCode(201).putHeader("location", "/api/items/" + stored.getLong("id"));
                    return stored;
                });
    }

    Future<JsonObject> get(RoutingContext ctx) {
        long id = parseLong(ctx.pathParam("id"), "id", 1, Long.MAX_VALUE);
        return db().preparedQuery("SELECT id, name, quantity, created_at FROM items WHERE id = $1")
                .execute(Tuple.of(id))
                .recover(ItemsApi::unavailable)
                .compose(rows -> rows.size() == 0 ? Future.failedFuture(new ApiError(404, "no item with id " + id))
                        : Future.succeededFuture(toJson(rows.iterator().next())));
    }

    Future<JsonObject> list(RoutingContext ctx) {
        int limit = (int) parseLong(ctx.queryParams().get("limit"), "limit", 1, Integer.MAX_VALUE, DEFAULT_LIMIT);
        long offset = parseLong(ctx.queryParams().get("offset"), "offset", 0, 1_000_000_000L, 0);
        int capped = Math.min(limit, MAX_LIMIT);
        return db().preparedQuery("SELECT id, name, quantity, created_at FROM items ORDER BY id LIMIT $1 OFFSET $2")
                .execute(Tuple.of(capped, offset))
                .recover(ItemsApi::unavailable)
                .map(rows -> {
                    JsonArray items = new JsonArray();
                    for (Row row : rows) {
                        items.add(toJson(row));
                    }
                    return new JsonObject().put("items", items).put("limit", capped).put("offset", offset);
                });
    }

    /**
     * A database error from a statement (a PostgreSQL error) is a server error; anything else (no connection, a
     * timeout) means the database is unavailable: 503, so clients and load balancers retry.
     */
    private static <T> Future<T> unavailable(Throwable cause) {
        return Future.failedFuture(cause instanceof io.vertx.pgclient.PgException ? cause
                : new ApiError(503, "database unavailable: " + Database.describe(cause)));
    }

    private io.vertx.sqlclient.Pool db() {
        if (database == null) {
            throw new ApiError(503, "database not configured");
        }
        if (!database.migrated()) {
            throw new ApiError(503, database.schemaReason());
        }
        return database.pool();
    }

    /** Validates the request body: a JSON object with exactly a name and a quantity. */
    static JsonObject parseItem(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("content-type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "send the item as application/json");
        }
        Object body;
        try {
            body = ctx.body().buffer() == null ? null : io.vertx.core.json.Json.decodeValue(ctx.body().buffer());
        } catch (DecodeException e) {
            throw new ApiError(400, "the body is not valid JSON");
        }
        if (!(body instanceof JsonObject json)) {
            throw new ApiError(400, "the body must be a JSON object with name and quantity");
        }
        for (String field : json.fieldNames()) {
            if (!FIELDS.contains(field)) {
                throw new ApiError(400, "unknown field \"" + field + "\": only name and quantity are accepted");
            }
        }
        Object name = json.getValue("name");
        if (!(name instanceof String text) || text.isBlank()) {
            throw new ApiError(400, "name must be a non-empty string");
        }
        if (text.strip().length() > MAX_NAME) {
            throw new ApiError(400, "name must be at most " + MAX_NAME + " characters");
        }
        Object quantity = json.getValue("quantity");
        if (!(quantity instanceof Integer || quantity instanceof Long)) {
            throw new ApiError(400, "quantity must be a whole number");
        }
        long q = ((Number) quantity).longValue();
        if (q < 0 || q > MAX_QUANTITY) {
            throw new ApiError(400, "quantity must be from 0 to " + MAX_QUANTITY);
        }
        return new JsonObject().put("name", text.strip()).put("quantity", (int) q);
    }

    private static long parseLong(String value, String name, long min, long max) {
        if (value == null) {
            throw new ApiError(400, name + " is required");
        }
        return parseLong(value, name, min, max, 0);
    }

    private static long parseLong(String value, String name, long min, long max, long defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiError(400, name + " must be a whole number from " + min + (max == Long.MAX_VALUE
                || max == Integer.MAX_VALUE ? " up" : " to " + max));
    }

    private static JsonObject toJson(Row row) {
        return new JsonObject()
                .put("id", row.getLong("id"))
                .put("name", row.getString("name"))
                .put("quantity", row.getInteger("quantity"))
                .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
    }
}
