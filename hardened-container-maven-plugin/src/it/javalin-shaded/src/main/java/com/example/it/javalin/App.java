package com.example.it.javalin;

import io.javalin.Javalin;

public final class App {
    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "7070"));
        Javalin.create()
                .get("/", ctx -> ctx.result("hi from javalin"))
                .get("/health", ctx -> ctx.result("healthy"))
                .get("/ready", ctx -> ctx.result("ready"))
                .start(port);
    }
}
