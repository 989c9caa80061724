package com.example.it.notes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class NotesApplication {

    private final Notes notes;

    public NotesApplication(Notes notes) {
        this.notes = notes;
    }

    public static void main(String[] args) {
        SpringApplication.run(NotesApplication.class, args);
    }

    @PostMapping(path = "/notes", consumes = "text/plain")
    public String add(@RequestBody String text) {
        Note note = new Note();
        note.text = text;
        return Long.toString(notes.save(note).id);
    }

    @GetMapping("/notes/{id}")
    public ResponseEntity<String> get(@PathVariable long id) {
        return notes.findById(id).map(n -> ResponseEntity.ok(n.text)).orElse(ResponseEntity.notFound().build());
    }
}
