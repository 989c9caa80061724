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
    TRIVYIGNORE(".trivyignore", Scope.REPOSITORY, true),
    // The Kustomize base, with <kubernetes>true</kubernetes> only: one object per file.
    K8S_KUSTOMIZATION("k8s/kustomization.yaml", Scope.SERVICE, false),
    K8S_DEPLOYMENT("k8s/deployment.yaml", Scope.SERVICE, false),
    K8S_SERVICE("k8s/service.yaml", Scope.SERVICE, false),
    K8S_SERVICE_ACCOUNT("k8s/serviceaccount.yaml", Scope.SERVICE, false),
    K8S_DISRUPTION_BUDGET("k8s/poddisruptionbudget.yaml", Scope.SERVICE, false),
    K8S_AUTOSCALER("k8s/horizontalpodautoscaler.yaml", Scope.SERVICE, false),
    K8S_NETWORK_POLICY("k8s/networkpolicy.yaml", Scope.SERVICE, false);

    /** The directory of the Kubernetes files inside a module. */
    public static final String KUBERNETES_DIRECTORY = "k8s/";

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

    /** Whether this is one of the Kubernetes files, written only when a service asks for them. */
    public boolean kubernetes() {
        return path.startsWith(KUBERNETES_DIRECTORY);
    }

    /**
     * The template name: the output file's base name plus {@code .ftl}; for the Kubernetes files, their path plus
     * {@code .ftl} ({@code k8s/deployment.yaml.ftl}).
     */
    public String templateName() {
        if (kubernetes()) {
            return path + ".ftl";
        }
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
