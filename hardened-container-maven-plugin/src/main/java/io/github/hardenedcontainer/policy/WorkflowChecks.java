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

/**
 * The GitHub Actions rules: on a workflow, one method a rule (GH001 to GH010, GH012), each on the same view of
 * the file ({@link WorkflowView}), dispatched from the catalogue's identifiers; GH011 on dependabot.yml.
 */
final class WorkflowChecks {

    private static final Pattern USES_LINE = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*['\"]?([^@\\s'\"]+)@([^\\s'\"#]+)['\"]?\\s*(?:#\\s*(\\S+))?");
    private static final Set<String> READ_ONLY = Set.of("read", "none");

    /** A Maven deploy in a run: step (mvn, mvnw or ./mvnw, then deploy among its arguments on that line). */
    private static final Pattern MAVEN_DEPLOY = Pattern.compile("(?m)^[^#\\n]*\\bmvnw?\\b[^\\n]*\\sdeploy\\b");

    private WorkflowChecks() {
    }

    /** Each workflow rule's own unit; every one reads the same view of the file. */
    static final RuleUnits<WorkflowView> RULES = new RuleUnits<>(Map.ofEntries(
            Map.entry(Rule.GH001, WorkflowChecks::pinnedActions),
            Map.entry(Rule.GH002, WorkflowChecks::leastPermissions),
            Map.entry(Rule.GH003, WorkflowChecks::checkoutCredentials),
            Map.entry(Rule.GH004, WorkflowChecks::untrustedCode),
            Map.entry(Rule.GH005, WorkflowChecks::blockingScan),
            Map.entry(Rule.GH006, WorkflowChecks::scannedIsPushed),
            Map.entry(Rule.GH007, WorkflowChecks::noCacheWhenPublishing),
            Map.entry(Rule.GH008, WorkflowChecks::guardedPublishing),
            Map.entry(Rule.GH009, WorkflowChecks::housekeeping),
            Map.entry(Rule.GH010, WorkflowChecks::attestations),
            Map.entry(Rule.GH012, WorkflowChecks::noDownloadRun)));

    static List<Finding> check(String file, String text, YNode root) {
        return RULES.check(WorkflowView.of(file, text, root));
    }

    /**
     * A workflow as the rules read it: its lines (the version comments are not in the YAML tree), its triggers,
     * whether it runs code from pull requests, its top-level permissions and its jobs.
     */
    record WorkflowView(String file, String[] lines, YNode root, YNode on, List<String> triggers,
            boolean pullRequests, Optional<YNode> permissions, List<Job> jobs) {

        static WorkflowView of(String file, String text, YNode root) {
            YNode on = root.get("on").or(() -> root.get("true")).orElse(null);
            List<String> triggers = on == null ? List.of() : on.isMap() ? List.copyOf(on.entries().keySet()) : on.texts();
            // Whether the workflow runs code from pull requests (forks included).
            boolean pullRequests = triggers.stream().anyMatch(t -> t.startsWith("pull_request") || t.equals("workflow_run"));
            List<Job> jobs = new ArrayList<>();
            root.get("jobs").ifPresent(all -> all.entries().forEach((name, job) ->
                    jobs.add(new Job(name, job, all.keyLine(name), job.get("steps").map(YNode::items).orElse(List.of())
                            .stream().map(Step::new).toList()))));
            return new WorkflowView(file, text.split("\n", -1), root, on, triggers, pullRequests,
                    root.get("permissions"), jobs);
        }

        /** Whether any job builds an image (the image rules apply to such a workflow only). */
        boolean buildsImage() {
            return jobs.stream().anyMatch(j -> j.steps().stream().anyMatch(Step::buildsImage));
        }

        Finding finding(Rule rule, int line, String message) {
            return new Finding(rule, file, line, message);
        }
    }

    /** A job: its name, node, the line of its name, and its steps. */
    record Job(String name, YNode node, int line, List<Step> steps) {

        boolean mayFail() {
            return node.get("continue-on-error").flatMap(YNode::text).map("true"::equals).orElse(false);
        }

        /** Whether the job logs in to a registry, pushes an image or deploys with Maven. */
        boolean publishes() {
            return steps.stream().anyMatch(s -> s.action().equals("docker/login-action")
                    || s.run().matches("(?s).*\\bdocker\\s+push\\b.*") || MAVEN_DEPLOY.matcher(s.run()).find()
                    || s.pushingBuild());
        }

        /** Whether the job builds the image it may push (a docker build, or a build step that pushes). */
        boolean builds() {
            return steps.stream().anyMatch(s -> s.pushingBuild() || s.dockerBuild());
        }

        boolean scans() {
            return steps.stream().anyMatch(Step::trivy);
        }

        boolean restoresCache() {
            return steps.stream().anyMatch(s -> s.action().equals("actions/cache") || s.action().startsWith("actions/cache/")
                    || (s.action().startsWith("actions/setup-") && s.with().flatMap(w -> w.get("cache")).isPresent()));
        }

        /** Whether the job's condition keeps it off pull requests: pushes, or branch and tag refs only. */
        boolean pushOnly() {
            String condition = node.get("if").flatMap(YNode::text).orElse("");
            return condition.matches("(?s).*github\\.event_name\\s*==\\s*'(push|schedule|workflow_dispatch|release)'.*")
                    || condition.contains("refs/heads/") || condition.contains("refs/tags/");
        }
    }

    /** A step: its node, the action it uses (without the ref), its with: and its run: script. */
    record Step(YNode node, String uses, String action, Optional<YNode> with, String run) {

        Step(YNode node) {
            this(node, node.get("uses").flatMap(YNode::text).orElse(""));
        }

        private Step(YNode node, String uses) {
            this(node, uses, uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses, node.get("with"),
                    node.get("run").flatMap(YNode::text).orElse(""));
        }

        boolean trivy() {
            return action.equals("aquasecurity/trivy-action");
        }

        boolean pushingBuild() {
            return action.equals("docker/build-push-action")
                    && with.flatMap(w -> w.get("push")).flatMap(YNode::text).map(v -> !v.equals("false")).orElse(false);
        }

        boolean dockerBuild() {
            return run.matches("(?s).*\\bdocker\\s+(buildx\\s+)?build\\b.*");
        }

        boolean buildsImage() {
            return action.equals("docker/build-push-action") || dockerBuild();
        }

        int line(String key) {
            return node.keyLine(key);
        }
    }

    /** GH001: every action pinned to a commit with the release it is in a comment; images by digest. */
    private static List<Finding> pinnedActions(WorkflowView v) {
        List<Finding> findings = new ArrayList<>();
        Map<String, ActionPin> pins = ProductData.get().pins();
        String[] lines = v.lines();
        for (int n = 0; n < lines.length; n++) {
            Matcher m = USES_LINE.matcher(lines[n]);
            if (!m.find() || m.group(1).startsWith("./") || m.group(1).startsWith("docker://")) {
                continue;
            }
            String action = m.group(1);
            String ref = m.group(2);
            String comment = m.group(3);
            if (!ref.matches("[0-9a-f]{40}")) {
                findings.add(v.finding(Rule.GH001, n + 1, action + "@" + ref + " is pinned to a tag or branch,"
                        + " which can be moved (as trivy-action's tags were in March 2026)"));
            } else if (comment == null || !comment.matches("v\\d+(\\.\\d+){0,2}")) {
                findings.add(v.finding(Rule.GH001, n + 1, action + " has no # vX.Y.Z comment naming the release"));
            } else {
                ActionPin known = pins.get(action);
                if (known != null && known.release().equals(comment) && !known.sha().equals(ref)) {
                    findings.add(v.finding(Rule.GH001, n + 1, action + " " + comment + " is commit " + known.sha()
                            + ", not " + ref));
                } else if (known != null && known.sha().equals(ref) && !known.release().equals(comment)) {
                    findings.add(v.finding(Rule.GH001, n + 1, action + "@" + ref + " is " + known.release()
                            + ", not the " + comment + " its comment names: Dependabot and reviewers read the comment"));
                }
            }
        }
        for (Job job : v.jobs()) {
            for (Step step : job.steps()) {
                if (step.uses().startsWith("docker://") && !step.uses().contains("@sha256:")) {
                    findings.add(v.finding(Rule.GH001, step.line("uses"), "job " + job.name() + " runs the image "
                            + step.uses().substring("docker://".length()) + " by tag: pin it by @sha256 digest"));
                }
            }
        }
        return findings;
    }

    /**
     * GH002: read-only top-level permissions; no write-all; no write scope where pull request code runs (a change
     * from a branch of the repository gets it; GitHub cuts a fork's token to read), code-scanning uploads
     * (security-events) excepted; no secrets: inherit.
     */
    private static List<Finding> leastPermissions(WorkflowView v) {
        List<Finding> findings = new ArrayList<>();
        if (v.permissions().isEmpty()) {
            findings.add(v.finding(Rule.GH002, 1, "no top-level permissions: every job gets the default token scopes"));
        } else if (!readOnly(v.permissions().get())) {
            findings.add(v.finding(Rule.GH002, v.root().keyLine("permissions"), "top-level permissions grant write"
                    + " scopes to every job"));
        }
        for (Job job : v.jobs()) {
            String name = job.name();
            YNode node = job.node();
            if (node.get("secrets").flatMap(YNode::text).map("inherit"::equals).orElse(false)) {
                findings.add(v.finding(Rule.GH002, node.keyLine("secrets"), "job " + name + " hands every secret of"
                        + " the repository to the workflow it calls (secrets: inherit): pass the ones it needs"));
            }
            if (v.pullRequests() && !job.pushOnly()) {
                List<String> writes = writeScopes(node.get("permissions").orElse(v.permissions().orElse(null)));
                if (!writes.isEmpty()) {
                    findings.add(v.finding(Rule.GH002, node.get("permissions").isPresent() ? node.keyLine("permissions")
                            : v.root().keyLine("permissions"), "job " + name + " runs pull request code with write"
                            + " scopes (" + String.join(", ", writes) + "): give them to a job that runs on pushes only"
                            + " (if: github.event_name == 'push')"));
                }
            }
            node.get("permissions").ifPresent(p -> {
                if (p.text().map(t -> t.equals("write-all")).orElse(false)) {
                    findings.add(v.finding(Rule.GH002, node.keyLine("permissions"), "job " + name + " has write-all"));
                }
            });
        }
        return findings;
    }

    /** GH003: checkout never leaves the token in .git/config. */
    private static List<Finding> checkoutCredentials(WorkflowView v) {
        List<Finding> findings = new ArrayList<>();
        for (Job job : v.jobs()) {
            for (Step step : job.steps()) {
                if (step.action().equals("actions/checkout") && !step.with().flatMap(w -> w.get("persist-credentials"))
                        .flatMap(YNode::text).map("false"::equals).orElse(false)) {
                    findings.add(v.finding(Rule.GH003, step.line("uses"), "job " + job.name() + " checks out with the"
                            + " token persisted in .git/config"));
                }
            }
        }
        return findings;
    }

    /**
     * GH004: no trigger that runs fork code with write access, no pull request code on self-hosted runners, and no
     * expression an outsider writes inside a script.
     */
    private static List<Finding> untrustedCode(WorkflowView v) {
        List<Finding> findings = new ArrayList<>();
        for (String trigger : v.triggers()) {
            if (trigger.equals("pull_request_target") || trigger.equals("workflow_run")) {
                findings.add(v.finding(Rule.GH004, v.on().line(), "trigger " + trigger + " runs with write access on"
                        + " code from forks"));
            }
        }
        for (Job job : v.jobs()) {
            YNode node = job.node();
            if (v.pullRequests() && node.get("runs-on").map(r -> r.texts().stream().anyMatch(l -> l.contains("self-hosted"))
                    || r.get("group").isPresent()).orElse(false)) {
                findings.add(v.finding(Rule.GH004, node.keyLine("runs-on"), "job " + job.name() + " runs pull request"
                        + " code on a self-hosted runner"));
            }
            for (Step step : job.steps()) {
                String script = step.action().equals("actions/github-script")
                        ? step.with().flatMap(w -> w.get("script")).flatMap(YNode::text).orElse("") : "";
                for (boolean inRun : new boolean[] {true, false}) {
                    untrusted(inRun ? step.run() : script).ifPresent(expression -> findings.add(v.finding(Rule.GH004,
                            step.line(inRun ? "run" : "with"), "job " + job.name() + " expands ${{ " + expression
                            + " }} inside " + (inRun ? "run:" : "github-script") + " (script injection: anyone who"
                            + " opens a pull request or an issue writes it): pass it through env: and quote it")));
                }
            }
        }
        return findings;
    }

    /**
     * GH005: a workflow that builds an image scans it with a pinned Trivy that blocks on HIGH and CRITICAL, in a
     * step that can fail the run; every scan target has a blocking step; SARIF uploads even when the scan fails.
     */
    private static List<Finding> blockingScan(WorkflowView v) {
        List<Finding> findings = new ArrayList<>();
        boolean imageGate = false;
        for (Job job : v.jobs()) {
            // Per scan target (what a Trivy step scans): whether some step blocks on it, and its first line.
            Map<String, Boolean> targetBlocks = new java.util.LinkedHashMap<>();
            Map<String, Integer> targetLine = new java.util.HashMap<>();
            for (Step step : job.steps()) {
                if (!step.trivy()) {
                    continue;
                }
                String target = TrivyStep.target(step.with());
                targetLine.putIfAbsent(target, step.line("uses"));
                boolean blocks = checkTrivy(v.file(), job.name(), step.node(), step.with(), findings);
                String gate = notGating(step.node(), job.mayFail());
                if (blocks && gate != null) {
                    findings.add(v.finding(Rule.GH005, step.line("uses"), "job " + job.name() + " scans " + target
                            + " in a step that cannot fail the run: " + gate));
                    blocks = false;
                }
                targetBlocks.merge(target, blocks, Boolean::logicalOr);
                if (blocks && TrivyStep.input(step.with(), "scan-type").orElse("image").equals("image")) {
                    imageGate = true;
                }
            }
            targetBlocks.forEach((target, blocking) -> {
                if (!blocking) {
                    findings.add(v.finding(Rule.GH005, targetLine.get(target), "job " + job.name() + " scans " + target
                            + " with Trivy, but no step on it has exit-code: \"1\": findings do not fail the job"));
                }
            });
        }
        boolean scanned = v.jobs().stream().anyMatch(Job::scans);
        if (v.buildsImage() && !scanned) {
            findings.add(v.finding(Rule.GH005, v.root().keyLine("jobs"), "no job scans the image with Trivy"));
        } else if (v.buildsImage() && !imageGate) {
            findings.add(v.finding(Rule.GH005, v.root().keyLine("jobs"), "the image is built, but no blocking Trivy"
                    + " step scans the image itself (a file-system or configuration scan does not see its packages)"));
        }
        findings.addAll(checkSarifUploads(v.file(), v.root()));
        return findings;
    }

    /** GH006: the image that is pushed is the one scanned: no push in the build step, no push of an unscanned build. */
    private static List<Finding> scannedIsPushed(WorkflowView v) {
        List<Finding> findings = new ArrayList<>();
        for (Job job : v.jobs()) {
            for (Step step : job.steps()) {
                if (step.pushingBuild()) {
                    findings.add(v.finding(Rule.GH006, step.line("uses"), "job " + job.name() + " pushes the image in"
                            + " the step that builds it, before any scan of it can stop the push (push: "
                            + step.with().flatMap(w -> w.get("push")).flatMap(YNode::text).orElse("") + ")"));
                }
            }
            if (job.publishes() && job.builds() && !job.scans()) {
                findings.add(v.finding(Rule.GH006, job.line(), "job " + job.name() + " builds the image it pushes"
                        + " without scanning that build: the pushed image is not the scanned one"));
            }
        }
        return findings;
    }

    /** GH007: a publishing job restores no cache (a poisoned cache would end up in what is published). */
    private static List<Finding> noCacheWhenPublishing(WorkflowView v) {
        return v.jobs().stream().filter(j -> j.publishes() && j.restoresCache())
                .map(j -> v.finding(Rule.GH007, j.line(), "job " + j.name() + " publishes and restores a cache")).toList();
    }

    /** GH008: publishing behind an environment, on the default branch and tags only. */
    private static List<Finding> guardedPublishing(WorkflowView v) {
        List<Finding> findings = new ArrayList<>();
        for (Job job : v.jobs()) {
            if (!job.publishes()) {
                continue;
            }
            if (job.node().get("environment").isEmpty()) {
                findings.add(v.finding(Rule.GH008, job.line(), "job " + job.name() + " publishes without an environment:"));
            }
            String condition = job.node().get("if").flatMap(YNode::text).orElse("");
            if (!(condition.contains("refs/heads/") || condition.contains("refs/tags/")
                    || condition.contains("default_branch"))) {
                findings.add(v.finding(Rule.GH008, job.line(), "job " + job.name() + " publishes on every branch and"
                        + " pull request: limit it with if: to the default branch and v* tags"));
            }
        }
        return findings;
    }

    /** GH009: a workflow name, a concurrency group, and timeout-minutes on every job. */
    private static List<Finding> housekeeping(WorkflowView v) {
        List<Finding> findings = new ArrayList<>();
        if (v.root().get("name").isEmpty()) {
            findings.add(v.finding(Rule.GH009, 1, "the workflow has no name"));
        }
        if (v.root().get("concurrency").isEmpty()) {
            findings.add(v.finding(Rule.GH009, 1, "the workflow has no concurrency group"));
        }
        for (Job job : v.jobs()) {
            if (job.node().get("timeout-minutes").isEmpty()) {
                findings.add(v.finding(Rule.GH009, job.line(), "job " + job.name() + " has no timeout-minutes"));
            }
        }
        return findings;
    }

    /** GH010: an SBOM and a provenance attestation for the image a workflow builds. */
    private static List<Finding> attestations(WorkflowView v) {
        boolean sbom = v.jobs().stream().anyMatch(j -> j.steps().stream().anyMatch(s -> s.action().equals("anchore/sbom-action")));
        boolean provenance = v.jobs().stream().anyMatch(j -> j.steps().stream()
                .anyMatch(s -> s.action().equals("actions/attest-build-provenance")));
        if (!v.buildsImage() || (sbom && provenance)) {
            return List.of();
        }
        return List.of(v.finding(Rule.GH010, v.root().keyLine("jobs"), "the pushed image gets no "
                + (!sbom && !provenance ? "SBOM or provenance attestation" : !sbom ? "SBOM" : "provenance attestation")));
    }

    /** GH012: no download run straight from the network, no deprecated runner commands turned back on. */
    private static List<Finding> noDownloadRun(WorkflowView v) {
        List<Finding> findings = new ArrayList<>();
        for (Job job : v.jobs()) {
            job.node().at("env", "ACTIONS_ALLOW_UNSECURE_COMMANDS").filter(x -> x.textOr("").equalsIgnoreCase("true"))
                    .ifPresent(value -> findings.add(v.finding(Rule.GH012, value.line(), "job " + job.name()
                            + " turns the deprecated set-env and add-path commands back on"
                            + " (ACTIONS_ALLOW_UNSECURE_COMMANDS)")));
            for (Step step : job.steps()) {
                if (DockerfileChecks.PIPE_TO_SHELL.matcher(step.run()).find()
                        || DockerfileChecks.SUBSTITUTED_DOWNLOAD.matcher(step.run()).find()) {
                    findings.add(v.finding(Rule.GH012, step.line("run"), "job " + job.name() + " runs a download"
                            + " straight from the network"));
                }
            }
        }
        return findings;
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
    private static List<Finding> checkSarifUploads(String file, YNode root) {
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
