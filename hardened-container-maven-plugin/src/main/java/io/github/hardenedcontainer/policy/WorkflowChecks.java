package io.github.hardenedcontainer.policy;

import io.github.hardenedcontainer.data.ActionPin;
import io.github.hardenedcontainer.data.ProductData;
import io.github.hardenedcontainer.model.OutputFile;
import io.github.hardenedcontainer.parse.YamlFile.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The GitHub Actions rules (GH001 to GH011) on a workflow and on dependabot.yml. */
final class WorkflowChecks {

    private static final Pattern USES_LINE = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*['\"]?([^@\\s'\"]+)@([^\\s'\"#]+)['\"]?\\s*(?:#\\s*(\\S+))?");
    private static final Set<String> READ_ONLY = Set.of("read", "none");

    /** A Maven deploy in a run: step (mvn, mvnw or ./mvnw, then deploy among its arguments on that line). */
    private static final Pattern MAVEN_DEPLOY = Pattern.compile("(?m)^[^#\\n]*\\bmvnw?\\b[^\\n]*\\sdeploy\\b");

    private WorkflowChecks() {
    }

    static List<Finding> check(String file, String text, YNode root) {
        List<Finding> findings = new ArrayList<>();
        // GH001 pinning, line by line (the comment is not in the YAML tree).
        String[] lines = text.split("\n", -1);
        Map<String, ActionPin> pins = ProductData.get().pins();
        for (int n = 0; n < lines.length; n++) {
            Matcher m = USES_LINE.matcher(lines[n]);
            if (!m.find() || m.group(1).startsWith("./") || m.group(1).startsWith("docker://")) {
                continue;
            }
            String action = m.group(1);
            String ref = m.group(2);
            String comment = m.group(3);
            if (!ref.matches("[0-9a-f]{40}")) {
                findings.add(new Finding(Rule.GH001, file, n + 1, action + "@" + ref + " is pinned to a tag or branch,"
                        + " which can be moved (as trivy-action's tags were in March 2026)"));
            } else if (comment == null || !comment.matches("v\\d+(\\.\\d+){0,2}")) {
                findings.add(new Finding(Rule.GH001, file, n + 1, action + " has no # vX.Y.Z comment naming the release"));
            } else {
                ActionPin known = pins.get(action);
                if (known != null && known.release().equals(comment) && !known.sha().equals(ref)) {
                    findings.add(new Finding(Rule.GH001, file, n + 1, action + " " + comment + " is commit "
                            + known.sha() + ", not " + ref));
                } else if (known != null && known.sha().equals(ref) && !known.release().equals(comment)) {
                    findings.add(new Finding(Rule.GH001, file, n + 1, action + "@" + ref + " is " + known.release()
                            + ", not the " + comment + " its comment names: Dependabot and reviewers read the comment"));
                }
            }
        }

        // GH009 name and concurrency
        if (root.get("name").isEmpty()) {
            findings.add(new Finding(Rule.GH009, file, 1, "the workflow has no name"));
        }
        if (root.get("concurrency").isEmpty()) {
            findings.add(new Finding(Rule.GH009, file, 1, "the workflow has no concurrency group"));
        }
        // GH004 triggers
        YNode on = root.get("on").or(() -> root.get("true")).orElse(null);
        List<String> triggers = on == null ? List.of() : on.isMap() ? List.copyOf(on.entries().keySet()) : on.texts();
        for (String trigger : triggers) {
            if (trigger.equals("pull_request_target") || trigger.equals("workflow_run")) {
                findings.add(new Finding(Rule.GH004, file, on.line(), "trigger " + trigger + " runs with write"
                        + " access on code from forks"));
            }
        }
        // Whether the workflow runs code from pull requests (forks included).
        boolean pullRequests = triggers.stream().anyMatch(t -> t.startsWith("pull_request") || t.equals("workflow_run"));
        // GH002 top-level permissions
        Optional<YNode> top = root.get("permissions");
        if (top.isEmpty()) {
            findings.add(new Finding(Rule.GH002, file, 1, "no top-level permissions: every job gets the default token"
                    + " scopes"));
        } else if (!readOnly(top.get())) {
            findings.add(new Finding(Rule.GH002, file, root.keyLine("permissions"), "top-level permissions grant write"
                    + " scopes to every job"));
        }

        Map<String, YNode> jobs = root.get("jobs").map(YNode::entries).orElse(Map.of());
        boolean sbom = false;
        boolean provenance = false;
        boolean scanned = false;
        boolean imageGate = false;
        // The image rules (a scan, an SBOM and provenance for the image) apply to a workflow that builds one; the
        // others to every workflow (this repository's release workflow, which publishes a jar, is checked too).
        boolean imageBuilt = false;
        for (Map.Entry<String, YNode> entry : jobs.entrySet()) {
            String name = entry.getKey();
            YNode job = entry.getValue();
            int jobLine = root.get("jobs").get().keyLine(name);
            if (job.get("timeout-minutes").isEmpty()) {
                findings.add(new Finding(Rule.GH009, file, jobLine, "job " + name + " has no timeout-minutes"));
            }
            if (job.get("secrets").flatMap(YNode::text).map("inherit"::equals).orElse(false)) {
                findings.add(new Finding(Rule.GH002, file, job.keyLine("secrets"), "job " + name + " hands every"
                        + " secret of the repository to the workflow it calls (secrets: inherit): pass the ones it needs"));
            }
            job.at("env", "ACTIONS_ALLOW_UNSECURE_COMMANDS").filter(v -> v.textOr("").equalsIgnoreCase("true"))
                    .ifPresent(value -> findings.add(new Finding(Rule.GH012, file, value.line(), "job " + name
                            + " turns the deprecated set-env and add-path commands back on"
                            + " (ACTIONS_ALLOW_UNSECURE_COMMANDS)")));
            // Pull request code on a machine of the organisation's own: a fork's change runs there.
            if (pullRequests && job.get("runs-on").map(r -> r.texts().stream().anyMatch(l -> l.contains("self-hosted"))
                    || r.get("group").isPresent()).orElse(false)) {
                findings.add(new Finding(Rule.GH004, file, job.keyLine("runs-on"), "job " + name + " runs pull request"
                        + " code on a self-hosted runner"));
            }
            // Write scopes where pull request code runs: a change from a branch of the repository gets them (a fork's
            // token is cut to read by GitHub). Uploading code-scanning results (security-events) is the exception.
            if (pullRequests && !pushOnly(job)) {
                YNode scopes = job.get("permissions").orElse(top.orElse(null));
                List<String> writes = writeScopes(scopes);
                if (!writes.isEmpty()) {
                    findings.add(new Finding(Rule.GH002, file, job.get("permissions").isPresent()
                            ? job.keyLine("permissions") : root.keyLine("permissions"), "job " + name + " runs pull"
                            + " request code with write scopes (" + String.join(", ", writes) + "): give them to a job"
                            + " that runs on pushes only (if: github.event_name == 'push')"));
                }
            }
            boolean jobMayFail = job.get("continue-on-error").flatMap(YNode::text).map("true"::equals).orElse(false);
            job.get("permissions").ifPresent(p -> {
                if (p.text().map(t -> t.equals("write-all")).orElse(false)) {
                    findings.add(new Finding(Rule.GH002, file, job.keyLine("permissions"), "job " + name + " has write-all"));
                }
            });
            List<YNode> steps = job.get("steps").map(YNode::items).orElse(List.of());
            boolean publishes = false;
            boolean builds = false;
            boolean cache = false;
            boolean trivy = false;
            // Per scan target (what a Trivy step scans): whether some step blocks on it, and its first line.
            Map<String, Boolean> targetBlocks = new java.util.LinkedHashMap<>();
            Map<String, Integer> targetLine = new java.util.HashMap<>();
            for (YNode step : steps) {
                String uses = step.get("uses").flatMap(YNode::text).orElse("");
                String action = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
                Optional<YNode> with = step.get("with");
                String run = step.get("run").flatMap(YNode::text).orElse("");
                String script = action.equals("actions/github-script")
                        ? with.flatMap(w -> w.get("script")).flatMap(YNode::text).orElse("") : "";
                for (boolean inRun : new boolean[] {true, false}) {
                    untrusted(inRun ? run : script).ifPresent(expression -> findings.add(new Finding(Rule.GH004, file,
                            step.keyLine(inRun ? "run" : "with"), "job " + name + " expands ${{ " + expression
                            + " }} inside " + (inRun ? "run:" : "github-script") + " (script injection: anyone who"
                            + " opens a pull request or an issue writes it): pass it through env: and quote it")));
                }
                if (DockerfileChecks.PIPE_TO_SHELL.matcher(run).find()
                        || DockerfileChecks.SUBSTITUTED_DOWNLOAD.matcher(run).find()) {
                    findings.add(new Finding(Rule.GH012, file, step.keyLine("run"), "job " + name + " runs a download"
                            + " straight from the network"));
                }
                if (uses.startsWith("docker://") && !uses.contains("@sha256:")) {
                    findings.add(new Finding(Rule.GH001, file, step.keyLine("uses"), "job " + name + " runs the image "
                            + uses.substring("docker://".length()) + " by tag: pin it by @sha256 digest"));
                }
                if (action.equals("actions/checkout")
                        && !with.flatMap(w -> w.get("persist-credentials")).flatMap(YNode::text).map("false"::equals).orElse(false)) {
                    findings.add(new Finding(Rule.GH003, file, step.keyLine("uses"), "job " + name + " checks out"
                            + " with the token persisted in .git/config"));
                }
                if (action.equals("aquasecurity/trivy-action")) {
                    trivy = true;
                    String target = TrivyStep.target(with);
                    targetLine.putIfAbsent(target, step.keyLine("uses"));
                    boolean blocks = checkTrivy(file, name, step, with, findings);
                    String gate = notGating(step, jobMayFail);
                    if (blocks && gate != null) {
                        findings.add(new Finding(Rule.GH005, file, step.keyLine("uses"), "job " + name + " scans "
                                + target + " in a step that cannot fail the run: " + gate));
                        blocks = false;
                    }
                    targetBlocks.merge(target, blocks, Boolean::logicalOr);
                    if (blocks && TrivyStep.input(with, "scan-type").orElse("image").equals("image")) {
                        imageGate = true;
                    }
                }
                if (action.equals("docker/login-action") || run.matches("(?s).*\\bdocker\\s+push\\b.*")
                        || MAVEN_DEPLOY.matcher(run).find()) {
                    publishes = true;
                }
                boolean pushingBuild = action.equals("docker/build-push-action")
                        && with.flatMap(w -> w.get("push")).flatMap(YNode::text).map(v -> !v.equals("false")).orElse(false);
                if (pushingBuild) {
                    findings.add(new Finding(Rule.GH006, file, step.keyLine("uses"), "job " + name + " pushes the image"
                            + " in the step that builds it, before any scan of it can stop the push (push: "
                            + with.flatMap(w -> w.get("push")).flatMap(YNode::text).orElse("") + ")"));
                }
                if (action.equals("docker/build-push-action") || run.matches("(?s).*\\bdocker\\s+(buildx\\s+)?build\\b.*")) {
                    imageBuilt = true;
                }
                if (pushingBuild || run.matches("(?s).*\\bdocker\\s+(buildx\\s+)?build\\b.*")) {
                    builds = true;
                    if (pushingBuild) {
                        publishes = true;
                    }
                }
                if (action.equals("actions/cache") || action.startsWith("actions/cache/")
                        || (action.startsWith("actions/setup-") && with.flatMap(w -> w.get("cache")).isPresent())) {
                    cache = true;
                }
                if (action.equals("anchore/sbom-action")) {
                    sbom = true;
                }
                if (action.equals("actions/attest-build-provenance")) {
                    provenance = true;
                }
            }
            scanned |= trivy;
            targetBlocks.forEach((target, blocking) -> {
                if (!blocking) {
                    findings.add(new Finding(Rule.GH005, file, targetLine.get(target), "job " + name + " scans "
                            + target + " with Trivy, but no step on it has exit-code: \"1\": findings do not fail"
                            + " the job"));
                }
            });
            if (publishes) {
                if (builds && !trivy) {
                    findings.add(new Finding(Rule.GH006, file, jobLine, "job " + name + " builds the image it pushes"
                            + " without scanning that build: the pushed image is not the scanned one"));
                }
                if (cache) {
                    findings.add(new Finding(Rule.GH007, file, jobLine, "job " + name + " publishes and restores a cache"));
                }
                if (job.get("environment").isEmpty()) {
                    findings.add(new Finding(Rule.GH008, file, jobLine, "job " + name + " publishes without an environment:"));
                }
                String condition = job.get("if").flatMap(YNode::text).orElse("");
                if (!(condition.contains("refs/heads/") || condition.contains("refs/tags/")
                        || condition.contains("default_branch"))) {
                    findings.add(new Finding(Rule.GH008, file, jobLine, "job " + name + " publishes on every branch"
                            + " and pull request: limit it with if: to the default branch and v* tags"));
                }
            }
        }
        if (imageBuilt && !scanned) {
            findings.add(new Finding(Rule.GH005, file, root.keyLine("jobs"), "no job scans the image with Trivy"));
        } else if (imageBuilt && !imageGate) {
            findings.add(new Finding(Rule.GH005, file, root.keyLine("jobs"), "the image is built, but no blocking"
                    + " Trivy step scans the image itself (a file-system or configuration scan does not see its"
                    + " packages)"));
        }
        if (imageBuilt && (!sbom || !provenance)) {
            findings.add(new Finding(Rule.GH010, file, root.keyLine("jobs"), "the pushed image gets no "
                    + (!sbom && !provenance ? "SBOM or provenance attestation" : !sbom ? "SBOM" : "provenance attestation")));
        }
        return findings;
    }

    /** Expressions that anyone who opens a pull request or an issue can write. */
    private static final Pattern UNTRUSTED = Pattern.compile("\\$\\{\\{[^}]*?\\b(github\\.event\\.[A-Za-z0-9_.*\\[\\]'-]+"
            + "|github\\.head_ref|toJSON\\(\\s*github(\\.event)?\\s*\\))");
    /** Event fields that only the repository or GitHub sets: numbers, ids, commit SHAs, the repository's settings. */
    private static final Pattern TRUSTED_EVENT_FIELD = Pattern.compile("github\\.event\\.(repository\\..*|number"
            + "|(pull_request|issue)\\.number|[a-z_]+\\.id|before|after|pull_request\\.(head|base)\\.sha)");

    /** The first expression in a script that an outsider writes, if any. */
    private static Optional<String> untrusted(String code) {
        Matcher m = UNTRUSTED.matcher(code);
        while (m.find()) {
            if (!TRUSTED_EVENT_FIELD.matcher(m.group(1)).matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** Why a step cannot stop the run, or {@code null} when it can. */
    private static String notGating(YNode step, boolean jobMayFail) {
        if (step.get("continue-on-error").flatMap(YNode::text).map(v -> !v.equals("false")).orElse(false)) {
            return "continue-on-error";
        }
        if (jobMayFail) {
            return "its job has continue-on-error: true";
        }
        String condition = step.get("if").flatMap(YNode::text).orElse("").replaceAll("\\s+", " ").strip();
        if (condition.matches("(\\$\\{\\{ ?)?(false|0|'')( ?}})?")) {
            return "if: " + condition + " never runs it";
        }
        if (condition.contains("github.event_name == 'schedule'") && !condition.contains("||")) {
            return "if: " + condition + " runs it on the schedule only, never on a push or pull request";
        }
        return null;
    }

    /** Trivy's severities, lowest first; a scan without a {@code severity} input reports them all. */
    static final List<String> SEVERITIES = List.of("UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    /**
     * What a trivy-action step does with its inputs, as the action documents them: {@code severity} (default every
     * severity), {@code exit-code} (default 0: never fails), {@code format} (default table), and for
     * {@code format: sarif} the severity filter dropped unless {@code limit-severities-for-sarif: true}, so that the
     * report, and with a non-zero exit code the failure, covers every severity.
     *
     * @param severities the severities the step reports and, when it blocks, fails on
     * @param blocks whether findings fail the step
     * @param sarifFilterDropped whether a stated severity filter was dropped for SARIF
     */
    record TrivyStep(List<String> severities, boolean blocks, boolean sarifFilterDropped) {

        static TrivyStep of(Optional<YNode> with) {
            String severity = input(with, "severity").orElse("");
            String exitCode = input(with, "exit-code").orElse("0");
            String format = input(with, "format").orElse("table");
            boolean limit = input(with, "limit-severities-for-sarif").map("true"::equals).orElse(false);
            List<String> stated = severity.isBlank() ? SEVERITIES
                    : java.util.Arrays.stream(severity.split(",")).map(String::strip).map(String::toUpperCase).toList();
            boolean dropped = format.equals("sarif") && !limit && !severity.isBlank();
            return new TrivyStep(dropped ? SEVERITIES : stated, !exitCode.strip().equals("0"), dropped);
        }

        /** What the step scans, for the log: {@code the image ...} or {@code the configuration in ...}. */
        static String target(Optional<YNode> with) {
            String type = input(with, "scan-type").orElse("image");
            String ref = input(with, "input").or(() -> input(with, "image-ref")).or(() -> input(with, "scan-ref"))
                    .orElse("");
            return (type.equals("image") ? "the image " : "the " + type + " in ") + ref;
        }

        static Optional<String> input(Optional<YNode> with, String name) {
            return with.flatMap(w -> w.get(name)).flatMap(YNode::text);
        }
    }

    /** Checks one Trivy step; returns whether it fails the job on findings. */
    private static boolean checkTrivy(String file, String job, YNode step, Optional<YNode> with, List<Finding> findings) {
        int line = step.keyLine("uses");
        String version = with.flatMap(w -> w.get("version")).flatMap(YNode::text).orElse("");
        if (!version.matches("v\\d+\\.\\d+\\.\\d+")) {
            findings.add(new Finding(Rule.GH005, file, line, "job " + job + " runs Trivy without an explicit version:"
                    + (version.isEmpty() ? " (none)" : " " + version)));
        }
        TrivyStep trivy = TrivyStep.of(with);
        if (!trivy.blocks()) {
            return false;
        }
        if (trivy.sarifFilterDropped()) {
            findings.add(new Finding(Rule.GH005, file, line, "job " + job + " fails on every severity, LOW and MEDIUM"
                    + " included: with format: sarif, trivy-action drops the severity filter unless"
                    + " limit-severities-for-sarif: true is set: block with format: table and report SARIF in a"
                    + " separate step with exit-code: \"0\""));
        } else if (!(trivy.severities().contains("HIGH") && trivy.severities().contains("CRITICAL"))) {
            findings.add(new Finding(Rule.GH005, file, line, "job " + job + " fails only on "
                    + String.join(",", trivy.severities()) + ": HIGH and CRITICAL must block"));
        }
        return true;
    }

    /** SARIF of a Trivy step must be uploaded even when the scan fails. */
    static List<Finding> checkSarifUploads(String file, YNode root) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, YNode> job : root.get("jobs").map(YNode::entries).orElse(Map.of()).entrySet()) {
            boolean sarifScan = false;
            for (YNode step : job.getValue().get("steps").map(YNode::items).orElse(List.of())) {
                String uses = step.get("uses").flatMap(YNode::text).orElse("");
                if (uses.startsWith("aquasecurity/trivy-action@")
                        && step.at("with", "format").flatMap(YNode::text).map("sarif"::equals).orElse(false)) {
                    sarifScan = true;
                }
                if (uses.startsWith("github/codeql-action/upload-sarif@") && sarifScan
                        && !step.get("if").flatMap(YNode::text).map(c -> c.contains("always()")).orElse(false)) {
                    findings.add(new Finding(Rule.GH005, file, step.keyLine("uses"), "job " + job.getKey()
                            + " uploads SARIF only when the scan passes: add if: always()"));
                }
            }
        }
        return findings;
    }

    /** Whether a job's condition keeps it off pull requests: pushes, or branch and tag refs only. */
    private static boolean pushOnly(YNode job) {
        String condition = job.get("if").flatMap(YNode::text).orElse("");
        return condition.matches("(?s).*github\\.event_name\\s*==\\s*'(push|schedule|workflow_dispatch|release)'.*")
                || condition.contains("refs/heads/") || condition.contains("refs/tags/");
    }

    /** The write scopes a permissions block grants, other than security-events; write-all as itself. */
    private static List<String> writeScopes(YNode permissions) {
        if (permissions == null) {
            return List.of(); // no permissions at all: the top-level rule reports the default token
        }
        if (permissions.isScalar()) {
            return permissions.text().filter("write-all"::equals).map(List::of).orElse(List.of());
        }
        return permissions.entries().entrySet().stream()
                .filter(e -> e.getValue().textOr("").equals("write") && !e.getKey().equals("security-events"))
                .map(Map.Entry::getKey).toList();
    }

    private static boolean readOnly(YNode permissions) {
        if (permissions.isScalar()) {
            return permissions.text().map(t -> t.equals("read-all") || t.isEmpty()).orElse(false);
        }
        return permissions.entries().values().stream().allMatch(v -> READ_ONLY.contains(v.textOr("")));
    }

    /**
     * Dependabot keeps the actions of other workflows and the Maven build (this plugin included) current, with a
     * cooldown, and proposes nothing verify would reject: not the generated workflow's pins (excluded from
     * github-actions) and not the generated Dockerfiles' base images (no docker entry over them).
     */
    static List<Finding> dependabot(String file, YNode root) {
        List<Finding> findings = new ArrayList<>();
        List<YNode> updates = root.get("updates").map(YNode::items).orElse(List.of());
        for (String ecosystem : List.of("github-actions", "maven")) {
            Optional<YNode> update = updates.stream()
                    .filter(u -> u.get("package-ecosystem").flatMap(YNode::text).map(ecosystem::equals).orElse(false))
                    .findFirst();
            if (update.isEmpty()) {
                findings.add(new Finding(Rule.GH011, file, root.keyLine("updates"), "no update entry for " + ecosystem));
            } else if (update.get().get("cooldown").isEmpty()) {
                findings.add(new Finding(Rule.GH011, file, update.get().line(), ecosystem + " updates have no cooldown"));
            }
        }
        for (YNode update : updates) {
            String ecosystem = update.get("package-ecosystem").flatMap(YNode::text).orElse("");
            if (ecosystem.equals("github-actions") && update.get("exclude-paths").map(YNode::texts).orElse(List.of())
                    .stream().noneMatch(p -> p.replaceFirst("^/", "").equals(OutputFile.WORKFLOW.path()))) {
                findings.add(new Finding(Rule.GH011, file, update.line(), "github-actions updates would edit the"
                        + " generated " + OutputFile.WORKFLOW.path() + ", which verify then rejects as drift: add it to"
                        + " exclude-paths"));
            }
            if (ecosystem.equals("docker")) {
                findings.add(new Finding(Rule.GH011, file, update.line(), "docker updates would edit the generated"
                        + " Dockerfiles, which verify then rejects as drift: pin base images with mvn hardened:pin"
                        + " and let the maven entry bring new plugin versions"));
            }
        }
        return findings;
    }
}
