package io.github.hardenedcontainer.model;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The digests {@code hardened:pin} resolved for image tags, as kept in {@code hardened-pins.properties} at the
 * repository root: {@code name:tag} to {@code sha256:...}. Generate pins every configured or default image that
 * names a tag without a digest and has an entry here; an image that names its own digest keeps it.
 *
 * @param digests reference without digest ({@code repository:tag}) to its digest, sorted
 */
public record ImagePins(Map<String, String> digests) {

    /** The file's name, at the repository root. */
    public static final String FILE = "hardened-pins.properties";

    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    public ImagePins {
        digests = java.util.Collections.unmodifiableMap(new TreeMap<>(digests));
    }

    /** No pins. */
    public static ImagePins none() {
        return new ImagePins(Map.of());
    }

    /** The reference with its pinned digest, or as it is when it has a digest already or no pin. */
    public ImageReference apply(ImageReference reference) {
        if (reference == null || reference.pinned()) {
            return reference;
        }
        String digest = digests.get(reference.repository() + ":" + reference.tag());
        return digest == null ? reference : new ImageReference(reference.repository(), reference.tag(), digest);
    }

    /**
     * Reads the file's text.
     *
     * @throws IllegalArgumentException naming the entry, when a key is no image reference with a tag or a value no
     *     sha256 digest
     */
    public static ImagePins parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(FILE + " is not a properties file: " + e.getMessage(), e);
        }
        Map<String, String> digests = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).strip();
            ImageReference.Result parsed = ImageReference.parse(key);
            if (parsed.reference().isEmpty() || parsed.reference().get().pinned()) {
                throw new IllegalArgumentException(FILE + ": the key \"" + key + "\" must be an image name:tag without"
                        + " a digest" + (parsed.error() == null ? "" : " (it " + parsed.error() + ")")
                        + ": rewrite the file with mvn hardened:pin");
            }
            if (!SHA256.matcher(value).matches()) {
                throw new IllegalArgumentException(FILE + ": the digest of " + key + " (got \"" + value + "\") must be"
                        + " sha256: and 64 lower-case hex digits: rewrite the file with mvn hardened:pin");
            }
            digests.put(key, value);
        }
        return new ImagePins(digests);
    }

    /** The file's text: a header, then one sorted line per image (a colon in a key escaped, as properties need). */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append("# Written by mvn hardened:pin: the digest each image tag resolved to. mvn hardened:generate pins\n");
        b.append("# these images by digest; run hardened:pin again to move them to what the tags name now.\n");
        digests.forEach((reference, digest) -> b.append(reference.replace(":", "\\:")).append('=').append(digest)
                .append('\n'));
        return b.toString();
    }
}
