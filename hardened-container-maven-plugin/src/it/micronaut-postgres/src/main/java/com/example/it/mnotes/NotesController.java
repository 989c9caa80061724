package com.example.it.mnotes;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

@Controller("/notes")
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotesController {

    private final DataSource dataSource;

    public NotesController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Post(consumes = MediaType.TEXT_PLAIN, produces = MediaType.TEXT_PLAIN)
    public String add(@Body String text) throws SQLException {
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

    @Get(uri = "/{id}", produces = MediaType.TEXT_PLAIN)
    public String get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select text from note where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }
}
