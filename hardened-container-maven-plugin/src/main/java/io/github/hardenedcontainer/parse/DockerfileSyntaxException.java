package io.github.hardenedcontainer.parse;

/** A Dockerfile line that cannot be read as an instruction. */
public final class DockerfileSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public DockerfileSyntaxException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
