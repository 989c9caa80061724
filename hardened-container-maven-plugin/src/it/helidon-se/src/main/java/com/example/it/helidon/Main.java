package com.example.it.helidon;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;

public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Config config = Config.create();
        String greeting = config.get("app.greeting").asString().orElse("hello");
        WebServer.builder()
                .config(config.get("server"))
                .routing(routing -> routing.get("/", (req, res) -> res.send(greeting + " from helidon")))
                .build()
                .start();
    }
}
