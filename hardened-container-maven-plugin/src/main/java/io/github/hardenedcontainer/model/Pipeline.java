package io.github.hardenedcontainer.model;

import java.util.List;

/**
 * How the generated workflow gates and publishes, repository-wide.
 *
 * @param registry the registry host the workflow publishes to
 * @param usernameSecret the repository secret holding the registry user name, or {@code null} for the workflow's
 *     actor (GHCR)
 * @param passwordSecret the repository secret holding the registry password or token ({@code GITHUB_TOKEN} for GHCR)
 * @param ignoreUnfixed whether the blocking image scan leaves out vulnerabilities that have no fixed version yet
 * @param releaseBranches the branches whose pushes publish, or empty for the repository's default branch
 * @param mavenSettingsSecret the repository secret holding a Maven settings.xml for private repositories, or
 *     {@code null} when the build needs none
 */
public record Pipeline(
        String registry,
        String usernameSecret,
        String passwordSecret,
        boolean ignoreUnfixed,
        List<String> releaseBranches,
        String mavenSettingsSecret) {

    /** The registry whose credentials the workflow's own token holds. */
    public static final String GHCR = "ghcr.io";

    public Pipeline {
        releaseBranches = List.copyOf(releaseBranches);
    }
}
