package com.example.it.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/")
public class HelloResource {

    @GET
    public String hello() {
        return "hello from a quarkus uber-jar";
    }
}
