package io.github.hardenedcontainer.maven;

import io.github.hardenedcontainer.model.InvalidConfigurationException;
import io.github.hardenedcontainer.policy.Rule;
import io.github.hardenedcontainer.policy.Severity;
import io.github.hardenedcontainer.render.TemplateException;
import io.github.hardenedcontainer.verify.VerifyRequest;
import io.github.hardenedcontainer.verify.VerifyResult;
import io.github.hardenedcontainer.verify.Verifier;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the committed container files drift from what the templates render, or break the
 * hardening rules. Each finding names the rule (and the matching hadolint, Trivy, Checkov, KICS, zizmor,
 * Scorecard or CIS IDs), the file and line, and the fix. A waiver file records deliberate exceptions. Writes a
 * JSON report and a SARIF 2.1.0 log for GitHub code scanning.
 *
 * @since 0.1.0
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractHardenedMojo {

    /**
     * Compare the committed files with what the templates render. Turn off for a project whose container files
     * are written by hand: the hardening rules still apply.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.DRIFT, defaultValue = "true")
    private boolean drift;

    /**
     * Treat base images without a {@code @sha256:} digest as errors (HIGH) instead of warnings (MEDIUM).
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.STRICT, defaultValue = "false")
    private boolean strict;

    /**
     * The lowest severity that fails the build: {@code critical}, {@code high}, {@code medium}, {@code low} or
     * {@code info}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.FAIL_ON, defaultValue = "high")
    private String failOn;

    /**
     * What a committed file that an older plugin version generated, unedited since, is: {@code warn} (a LOW
     * finding that asks for mvn hardened:generate; a pull request that only bumps the plugin version passes) or
     * {@code fail} (a HIGH finding). A file edited by hand is drift (HIGH) either way.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.OUTDATED, defaultValue = "warn")
    private String outdated;

    /**
     * The waiver file: a list of {rule, file, reason, expires}. Default: {@code .hardened-waivers.yaml} at the
     * repository root.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.WAIVER_FILE)
    private File waiverFile;

    /**
     * Where {@code verify-report.json} and {@code verify-report.sarif} go. Default: {@code target/hardened} at the
     * repository root.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.REPORT_DIRECTORY)
    private File reportDirectory;

    @Override
    protected void execute(ExecutionContext context) throws MojoExecutionException, MojoFailureException {
        Severity threshold = Severity.parse(failOn).orElseThrow(() -> new MojoFailureException("<failOn> (got \""
                + failOn + "\"): must be critical, high, medium, low or info: set <failOn>high</failOn> or leave it out"));
        if (!outdated.equals("warn") && !outdated.equals("fail")) {
            throw new MojoFailureException("<outdated> (got \"" + outdated + "\"): must be warn or fail: set"
                    + " <outdated>warn</outdated> or leave it out");
        }
        Path root = context.root();
        VerifyRequest request = new VerifyRequest(generateRequest(context, false), drift, strict, threshold,
                outdated.equals("fail") ? Severity.HIGH : Severity.LOW,
                waiverFile == null ? root.resolve(".hardened-waivers.yaml") : waiverFile.toPath().toAbsolutePath(),
                reportDirectory == null ? root.resolve("target/hardened") : reportDirectory.toPath().toAbsolutePath(),
                LocalDate.now(ZoneOffset.UTC));
        long start = System.nanoTime();
        VerifyResult result;
        try {
            result = new Verifier(getLog()::info).verify(request);
        } catch (InvalidConfigurationException | TemplateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the container files or write the reports: " + e.getMessage(), e);
        }
        for (io.github.hardenedcontainer.report.VerifyReport.ConsoleLine line : result.report().console()) {
            if (line.level() == io.github.hardenedcontainer.report.VerifyReport.Level.WARN) {
                getLog().warn(line.text());
            } else {
                getLog().info(line.text());
            }
        }
        for (String diff : result.diffs()) {
            diff.lines().forEach(getLog()::warn);
        }
        result.waiverProblems().forEach(getLog()::error);
        getLog().info(String.format("Verified in %d ms", (System.nanoTime() - start) / 1_000_000));
        if (result.failed()) {
            StringBuilder message = new StringBuilder("Container hardening check failed");
            if (!result.waiverProblems().isEmpty()) {
                message.append(": the waiver file has problems (see above)");
            }
            boolean drifted = result.findings().stream().anyMatch(f -> f.rule() == Rule.VF001 && !f.waived());
            boolean outdatedFiles = result.findings().stream().anyMatch(f -> f.rule() == Rule.VF004 && !f.waived());
            if (drifted) {
                message.append("; files differ from the templates: run mvn hardened:generate, or for a deliberate edit"
                        + " add a waiver for HC-VF001 with the file and a reason to .hardened-waivers.yaml");
            }
            if (outdatedFiles) {
                message.append("; files an older plugin version generated are outdated: run mvn hardened:generate"
                        + " and commit the result (<outdated>warn</outdated> reports them without failing)");
            }
            message.append("; findings at or above ").append(threshold.configName())
                    .append(" fail the build (<failOn>); reports: ").append(result.sarifReport());
            throw new MojoFailureException(message.toString());
        }
    }
}
