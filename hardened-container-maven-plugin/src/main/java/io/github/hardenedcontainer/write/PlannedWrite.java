package io.github.hardenedcontainer.write;

import java.nio.file.Path;

/**
 * One file and what writing it means.
 *
 * @param file the generated file
 * @param target the absolute path it goes to
 * @param status what happens to it
 */
public record PlannedWrite(GeneratedFile file, Path target, WriteStatus status) {
}
