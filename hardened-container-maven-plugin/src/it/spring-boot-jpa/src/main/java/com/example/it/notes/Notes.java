package com.example.it.notes;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Notes extends JpaRepository<Note, Long> {
}
