package com.example.it.qnotes;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

@Path("/notes")
public class NotesResource {

    @Inject
    DataSource dataSource;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String add(String text) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("create table if not exists note (id bigserial primary key, text text not null)");
            try (PreparedStatement insert = c.prepareStatement("insert into note (text) values (?) returning id")) {
                insert.setString(1, text);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return Long.toString(rs.getLong(1));
                }
            }
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String get(@PathParam("id") long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select text from note where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }
}
