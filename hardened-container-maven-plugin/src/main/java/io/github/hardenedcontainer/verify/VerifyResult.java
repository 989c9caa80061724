package io.github.hardenedcontainer.verify;

import io.github.hardenedcontainer.policy.Finding;
import io.github.hardenedcontainer.report.VerifyReport;
import java.nio.file.Path;
import java.util.List;

/**
 * What verify found.
 *
 * @param findings every finding, waived ones marked
 * @param diffs unified diffs of drifted files
 * @param waiverProblems problems in the waiver file (each fails the build)
 * @param report the report over the findings
 * @param jsonReport where the JSON report was written
 * @param sarifReport where the SARIF report was written
 * @param failed whether the build must fail
 */
public record VerifyResult(List<Finding> findings, List<String> diffs, List<String> waiverProblems, VerifyReport report,
        Path jsonReport, Path sarifReport, boolean failed) {
}
