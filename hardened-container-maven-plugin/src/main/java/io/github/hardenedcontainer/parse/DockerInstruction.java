package io.github.hardenedcontainer.parse;

import java.util.Locale;

/**
 * One Dockerfile instruction with its continuation lines joined.
 *
 * @param keyword the instruction keyword in upper case ({@code FROM}, {@code RUN}, ...)
 * @param arguments everything after the keyword, continuations joined with a space, comments inside removed
 * @param line the 1-based line where the instruction starts
 * @param stage the 0-based index of the build stage it belongs to ({@code -1} before the first FROM)
 */
public record DockerInstruction(String keyword, String arguments, int line, int stage) {

    /** Whether the arguments are in JSON exec form ({@code ["a", "b"]}). */
    public boolean execForm() {
        String a = arguments.strip();
        return a.startsWith("[") && a.endsWith("]");
    }

    public boolean is(String name) {
        return keyword.equals(name.toUpperCase(Locale.ROOT));
    }
}
