package io.github.hardenedcontainer.generate;

import io.github.hardenedcontainer.model.ReactorFacts;
import java.nio.file.Path;

/**
 * One call of the generator.
 *
 * @param facts the repository and its modules
 * @param outputDirectory where repository files go; service files go into the module directories below it
 * @param templateDirectory user template overrides, or {@code null}
 * @param force whether files a person wrote or edited may be replaced
 * @param pluginVersion the version written into file headers
 */
public record GenerateRequest(ReactorFacts facts, Path outputDirectory, Path templateDirectory, boolean force,
        String pluginVersion) {
}
