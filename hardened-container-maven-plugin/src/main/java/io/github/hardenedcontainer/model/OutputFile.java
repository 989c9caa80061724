package io.github.hardenedcontainer.model;

import java.util.Optional;

/**
 * The files the generator writes. Each is rendered from the template named by {@link #templateName()}.
 * Per-service files go into the service's module directory; repository files go into the output directory.
 */
public enum OutputFile {
    DOCKERFILE("Dockerfile", Scope.SERVICE, false),
    COMPOSE("compose.yaml", Scope.SERVICE, false),
    ENV_EXAMPLE(".env.example", Scope.SERVICE, false),
    SECRETS_GITIGNORE("secrets/.gitignore", Scope.SERVICE, false),
    DOCKERIGNORE(".dockerignore", Scope.REPOSITORY, false),
    WORKFLOW(".github/workflows/container.yml", Scope.REPOSITORY, false),
    DEPENDABOT(".github/dependabot.yml", Scope.REPOSITORY, false),
    TRIVYIGNORE(".trivyignore", Scope.REPOSITORY, true);

    /** Whether a file exists once per runnable module or once per repository. */
    public enum Scope { SERVICE, REPOSITORY }

    private final String path;
    private final Scope scope;
    private final boolean seed;

    OutputFile(String path, Scope scope, boolean seed) {
        this.path = path;
        this.scope = scope;
        this.seed = seed;
    }

    /** The path relative to the module directory (service files) or the output directory (repository files). */
    public String path() {
        return path;
    }

    public Scope scope() {
        return scope;
    }

    /**
     * A seed file is created when missing and then belongs to the user: it is never overwritten or checked for
     * drift ({@code .trivyignore}, whose entries people add).
     */
    public boolean seed() {
        return seed;
    }

    /** The template name, the output file's base name plus {@code .ftl}. */
    public String templateName() {
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1) + ".ftl";
    }

    /** Finds a file by the path users write in {@code <excludes>}: {@code compose.yaml}, {@code .github/dependabot.yml}. */
    public static Optional<OutputFile> byPath(String path) {
        for (OutputFile file : values()) {
            if (file.path.equals(path)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
