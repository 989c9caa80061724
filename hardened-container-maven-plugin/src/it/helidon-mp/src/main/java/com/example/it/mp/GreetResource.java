package com.example.it.mp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/")
@ApplicationScoped
public class GreetResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hi from helidon mp";
    }
}
