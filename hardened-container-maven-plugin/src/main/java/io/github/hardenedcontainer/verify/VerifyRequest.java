package io.github.hardenedcontainer.verify;

import io.github.hardenedcontainer.generate.GenerateRequest;
import io.github.hardenedcontainer.policy.Severity;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One verify run.
 *
 * @param generate what generate would render (configuration, templates, output directory)
 * @param drift whether committed files must equal the rendered ones
 * @param strict whether unpinned base images are errors
 * @param failOn the lowest severity that fails the build
 * @param waiverFile the waiver file (may not exist)
 * @param reportDirectory where the JSON and SARIF reports go
 * @param today the date waivers expire against
 */
public record VerifyRequest(GenerateRequest generate, boolean drift, boolean strict, Severity failOn, Severity outdated,
        Path waiverFile,
        Path reportDirectory, LocalDate today) {
}
