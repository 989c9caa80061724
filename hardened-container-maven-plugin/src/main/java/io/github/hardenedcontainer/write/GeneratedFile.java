package io.github.hardenedcontainer.write;

/**
 * A rendered file, header included, ready to be written.
 *
 * @param path the path relative to the output directory, with {@code /} separators
 * @param content the full content (LF line endings, UTF-8 when written)
 * @param seed whether the file is a seed: created when missing, never overwritten afterwards
 */
public record GeneratedFile(String path, String content, boolean seed) {
}
