package io.github.hardenedcontainer.data;

/**
 * A GitHub Action pinned to a commit.
 *
 * @param action {@code owner/repo} or {@code owner/repo/path}
 * @param sha the full 40-hex commit SHA
 * @param release the release tag the SHA belongs to, such as {@code v7.0.1}
 */
public record ActionPin(String action, String sha, String release) {

    /** The value for a workflow's {@code uses:}: {@code action@sha}. */
    public String uses() {
        return action + "@" + sha;
    }
}
