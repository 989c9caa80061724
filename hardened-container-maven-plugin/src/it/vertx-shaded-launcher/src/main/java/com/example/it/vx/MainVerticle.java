package com.example.it.vx;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

public class MainVerticle extends VerticleBase {

    @Override
    public Future<?> start() {
        return vertx.createHttpServer()
                .requestHandler(req -> req.response().putHeader("content-type", "application/json")
                        .end(req.path().equals("/health") ? "{\"status\":\"healthy\"}" : "{\"verticle\":\"main\"}"))
                .listen(8080);
    }
}
