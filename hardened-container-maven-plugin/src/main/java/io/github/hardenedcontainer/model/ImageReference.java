package io.github.hardenedcontainer.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference with a required tag and an optional {@code @sha256:} digest, for example
 * {@code eclipse-temurin:17-jre-noble} or {@code registry.example.com:5000/team/jre:17@sha256:<64 hex>}.
 * A reference without a tag, or tagged {@code latest}, is rejected: it would float.
 *
 * @param repository the name with its optional registry host, such as {@code docker.io/library/postgres}
 * @param tag the tag, never {@code latest}
 * @param digest the {@code sha256:...} digest, or {@code null} when the reference is not pinned
 */
public record ImageReference(String repository, String tag, String digest) {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?/)";
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<repository>" + HOST + "?" + COMPONENT + "(?:/" + COMPONENT + ")*)"
                    + "(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?"
                    + "(?:@(?<digest>[A-Za-z0-9_+.-]+:[A-Za-z0-9=_-]+))?");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    /**
     * Parses a reference; the error text says what is wrong and completes a sentence about the element.
     *
     * @return the reference, or the reason it is not acceptable
     */
    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return Result.failure("must name an image with a tag, such as eclipse-temurin:17-jre-noble");
        }
        Matcher m = REFERENCE.matcher(text);
        if (!m.matches()) {
            return Result.failure("is not a valid image reference: write [registry/]name:tag[@sha256:<64 hex digits>],"
                    + " with a lower-case name, such as eclipse-temurin:17-jre-noble");
        }
        String tag = m.group("tag");
        String digest = m.group("digest");
        if (digest != null && !SHA256.matcher(digest).matches()) {
            return Result.failure("has a malformed digest \"" + digest + "\": a digest is sha256: followed by"
                    + " 64 lower-case hex digits, as printed by docker buildx imagetools inspect");
        }
        if (tag == null) {
            return Result.failure("has no tag, which means latest: add an explicit version tag, such as :17-jre-noble");
        }
        if (tag.toLowerCase(Locale.ROOT).equals("latest")) {
            return Result.failure("uses the tag latest, which floats: use an explicit version tag, such as :17-jre-noble");
        }
        return Result.success(new ImageReference(m.group("repository"), tag, digest));
    }

    /** Whether the reference carries a digest. */
    public boolean pinned() {
        return digest != null;
    }

    /** The reference as written: {@code repository:tag} plus {@code @digest} when pinned. */
    @Override
    public String toString() {
        return repository + ":" + tag + (digest == null ? "" : "@" + digest);
    }

    /** Either a parsed reference or the reason parsing failed. */
    public record Result(Optional<ImageReference> reference, String error) {
        static Result success(ImageReference reference) {
            return new Result(Optional.of(reference), null);
        }

        static Result failure(String error) {
            return new Result(Optional.empty(), error);
        }
    }
}
