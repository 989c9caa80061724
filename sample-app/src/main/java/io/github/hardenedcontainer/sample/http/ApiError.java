package io.github.hardenedcontainer.sample.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** A client error with its status; rendered as {@code {"error": ..., "message": ...}}. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static void send(RoutingContext ctx, int status, String error, String message) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        JsonObject body = new JsonObject().put("error", error).put("message", message);
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }
}
