package io.github.hardenedcontainer.policy;

import io.github.hardenedcontainer.model.ImageReference;
import io.github.hardenedcontainer.model.SecretNames;
import io.github.hardenedcontainer.parse.DockerInstruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dockerfile rules (DF001 to DF018): one method a rule, each on the same view of the parsed file
 * ({@link DockerfileView}), dispatched from the catalogue's identifiers.
 */
final class DockerfileChecks {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}?");
    private static final Pattern INSECURE_TLS = Pattern.compile(
            // curl's -k, alone or among combined short options (-fsSLk), or --insecure
            "(?:\\bcurl\\b[^|;&]*\\s(?:-[A-Za-z]*k[A-Za-z]*|--insecure)(?=\\s|$))|--no-check-certificate"
                    + "|--allow-unauthenticated|--allow-insecure-repositories|AllowUnauthenticated|trusted-host"
                    + "|sslVerify\\s*[= ]?\\s*false|strict-ssl\\s*[= ]?\\s*false"
                    + "|NODE_TLS_REJECT_UNAUTHORIZED\\s*[= ]\\s*[\"']?0|PYTHONHTTPSVERIFY\\s*[= ]\\s*[\"']?0"
                    + "|--disable-tls|GIT_SSL_NO_VERIFY|CURL_INSECURE|wagon\\.http\\.ssl\\.(insecure|allowall)\\s*=\\s*true"
                    + "|disableHostnameVerification|ssl\\.?verify\\s*=\\s*(false|0|none)|--no-verify-ssl"
                    + "|NPM_CONFIG_STRICT_SSL\\s*[= ]\\s*[\"']?false");
    /** A download piped into an interpreter: sh, bash, python -, perl, ... */
    static final Pattern PIPE_TO_SHELL = Pattern.compile("\\b(curl|wget)\\b[^;&]*\\|\\s*(sudo\\s+(-\\S+\\s+)*)?"
            + "((ba|z|da|k|a)?sh|python[0-9.]*|perl|ruby|node|php)\\b");
    /** A download run through a substitution: bash <(curl ...), sh -c "$(curl ...)", . <(wget ...). */
    static final Pattern SUBSTITUTED_DOWNLOAD = Pattern.compile(
            "(<\\(|\\$\\(|`)\\s*(curl|wget)\\b");
    /** A download written to a file: the file name after -o/-O/--output/--output-document. */
    private static final Pattern DOWNLOAD_TO_FILE = Pattern.compile(
            "\\b(curl|wget)\\b[^;&|]*?\\s(?:-o|-O|--output|--output-document)(?:\\s+|=)([^\\s;&|]+)");
    /** A checksum or signature check in the same RUN. */
    private static final Pattern VERIFIED = Pattern.compile("\\bsha(1|256|384|512)sum\\b[^;&|]*(-c|--check)|\\bgpg\\b[^;&|]*--verify"
            + "|\\bcosign\\s+verify");
    private static final Set<String> SYSTEM_DIRS = Set.of("/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib64",
            "/proc", "/root", "/run", "/sbin", "/sys", "/usr", "/usr/bin", "/usr/lib", "/usr/sbin", "/var");
    private static final Set<String> OCI_KEYS = Set.of("created", "authors", "url", "documentation", "source",
            "version", "revision", "vendor", "licenses", "ref.name", "title", "description", "base.digest", "base.name");
    private static final Pattern BUILD_TOOLS = Pattern.compile("\\b(mvn|mvnw|gradle|gradlew|javac|apt-get|apt|apk|yum|dnf|microdnf|npm|pip)\\b");

    private DockerfileChecks() {
    }

    /** Each Dockerfile rule's own unit; every one reads the same parsed view. */
    static final RuleUnits<DockerfileView> RULES = new RuleUnits<>(Map.ofEntries(
            Map.entry(Rule.DF001, DockerfileChecks::nonRootUser),
            Map.entry(Rule.DF002, DockerfileChecks::taggedBaseImages),
            Map.entry(Rule.DF003, DockerfileChecks::pinnedBaseImages),
            Map.entry(Rule.DF004, DockerfileChecks::noAdd),
            Map.entry(Rule.DF005, DockerfileChecks::execFormEntrypoint),
            Map.entry(Rule.DF006, DockerfileChecks::oneHealthcheck),
            Map.entry(Rule.DF007, DockerfileChecks::workdir),
            Map.entry(Rule.DF008, DockerfileChecks::aptGet),
            Map.entry(Rule.DF009, DockerfileChecks::noSudoNoMaintainer),
            Map.entry(Rule.DF010, DockerfileChecks::noSecrets),
            Map.entry(Rule.DF011, DockerfileChecks::tlsVerified),
            Map.entry(Rule.DF012, DockerfileChecks::pipefail),
            Map.entry(Rule.DF013, DockerfileChecks::exposedPorts),
            Map.entry(Rule.DF014, DockerfileChecks::stageNames),
            Map.entry(Rule.DF015, DockerfileChecks::ociLabels),
            Map.entry(Rule.DF016, DockerfileChecks::noDownloadThenRun),
            Map.entry(Rule.DF017, DockerfileChecks::rootOwnedFiles),
            Map.entry(Rule.DF018, DockerfileChecks::noToolchainAtRuntime)));

    static List<Finding> check(String file, List<DockerInstruction> all, boolean strict) {
        DockerfileView view = DockerfileView.of(file, all, strict);
        if (view == null) {
            return List.of(new Finding(Rule.VF003, file, 1, "no FROM instruction: this is not a Dockerfile"));
        }
        return RULES.check(view);
    }

    /**
     * A Dockerfile as the rules read it, parsed once: its instructions, the global build arguments, the FROM of
     * each stage, the stages' names, which stage starts FROM which earlier one, and the external image each
     * other stage starts from (with the global arguments' defaults put in; "null" when an argument has none),
     * and every RUN step with the ONBUILD RUN triggers (they run in every image built FROM this one, so the same
     * rules apply; they run in another build's stage, so neither pipefail nor the final-stage rules are judged).
     */
    record DockerfileView(String file, List<DockerInstruction> all, boolean strict, Map<String, String> globalArgs,
            List<DockerInstruction> froms, List<String> stageNames, Map<Integer, Integer> parents,
            Map<Integer, String> baseImages, List<Run> runs) {

        static DockerfileView of(String file, List<DockerInstruction> all, boolean strict) {
            Map<String, String> globalArgs = new HashMap<>();
            List<DockerInstruction> froms = new ArrayList<>();
            for (DockerInstruction i : all) {
                if (i.is("ARG") && i.stage() < 0) {
                    String[] kv = i.arguments().split("=", 2);
                    globalArgs.put(kv[0].trim(), kv.length > 1 ? unquote(kv[1].trim()) : null);
                }
                if (i.is("FROM")) {
                    froms.add(i);
                }
            }
            if (froms.isEmpty()) {
                return null;
            }
            List<String> stageNames = new ArrayList<>();
            Map<Integer, Integer> parents = new HashMap<>();
            Map<Integer, String> baseImages = new HashMap<>();
            for (DockerInstruction from : froms) {
                String[] words = withoutFlags(from.arguments()).split("\\s+");
                int parent = stageNames.indexOf(words[0].toLowerCase(Locale.ROOT));
                if (parent >= 0) {
                    parents.put(from.stage(), parent);
                } else {
                    baseImages.put(from.stage(), String.valueOf(resolve(words[0], globalArgs)));
                }
                stageNames.add(words.length >= 3 && words[1].equalsIgnoreCase("AS")
                        ? words[2].toLowerCase(Locale.ROOT) : "#" + from.stage());
            }
            return new DockerfileView(file, all, strict, globalArgs, froms, stageNames, parents, baseImages,
                    runs(all, froms.size() - 1));
        }

        /** The final stage's index. */
        int last() {
            return froms.size() - 1;
        }

        DockerInstruction lastFrom() {
            return froms.get(last());
        }

        boolean inFinalStage(DockerInstruction i) {
            return i.stage() == last();
        }

        /** The instructions of one kind, in order. */
        List<DockerInstruction> all(String keyword) {
            return all.stream().filter(i -> i.is(keyword)).toList();
        }

        /** The RUN steps and ONBUILD RUN triggers, each with its pipefail and whether it is in the last stage. */
        private static List<Run> runs(List<DockerInstruction> all, int last) {
            List<Run> runs = new ArrayList<>();
            boolean pipefail = false;
            for (DockerInstruction i : all) {
                if (i.is("FROM")) {
                    pipefail = false;
                } else if (i.is("SHELL")) {
                    pipefail = i.arguments().contains("pipefail");
                } else if (i.is("RUN")) {
                    runs.add(new Run(i, pipefail, i.stage() == last));
                } else if (i.is("ONBUILD")) {
                    String[] trigger = i.arguments().split("\\s+", 2);
                    if (trigger[0].equalsIgnoreCase("RUN") && trigger.length > 1) {
                        runs.add(new Run(new DockerInstruction("RUN", trigger[1], i.line(), i.stage()), true, false));
                    }
                }
            }
            return runs;
        }

        /** The stages whose RUN steps use a build or package tool. */
        Set<Integer> buildStages() {
            Set<Integer> stages = new HashSet<>();
            all("RUN").stream().filter(i -> BUILD_TOOLS.matcher(i.arguments()).find()).forEach(i -> stages.add(i.stage()));
            return stages;
        }

        /** The stage at the start of a chain of stages that start FROM each other. */
        Integer rootStage(int stage) {
            Integer current = stage;
            while (parents.containsKey(current)) {
                current = parents.get(current);
            }
            return current;
        }

        Finding finding(Rule rule, DockerInstruction at, String message) {
            return new Finding(rule, file, at.line(), message);
        }
    }

    /** A RUN step, with whether pipefail is on for it and whether it is in the final stage. */
    record Run(DockerInstruction instruction, boolean pipefail, boolean finalStage) {
        String script() {
            return instruction.arguments();
        }
    }

    /** DF001: the final stage's USER (its own, or that of the earlier stage it starts FROM), numeric, not root. */
    private static List<Finding> nonRootUser(DockerfileView v) {
        Map<Integer, DockerInstruction> users = new HashMap<>();
        v.all("USER").forEach(u -> users.put(u.stage(), u));
        DockerInstruction user = null;
        for (Integer stage = v.last(); stage != null && user == null; stage = v.parents().get(stage)) {
            user = users.get(stage);
        }
        if (user == null) {
            return List.of(v.finding(Rule.DF001, v.lastFrom(), "the final stage sets no USER, so it runs as the base"
                    + " image's user (often root)"));
        }
        String name = unquote(user.arguments().trim());
        String uid = name.split(":")[0];
        if (!uid.matches("\\d+")) {
            return List.of(v.finding(Rule.DF001, user, "USER " + name + " is not numeric: runtimes cannot verify a"
                    + " name is non-root"));
        }
        return Long.parseLong(uid) == 0 ? List.of(v.finding(Rule.DF001, user, "USER " + name + " is root")) : List.of();
    }

    /** The FROMs that start from an image rather than an earlier stage or scratch, with that image as written. */
    private static Map<DockerInstruction, String> externalFroms(DockerfileView v) {
        Map<DockerInstruction, String> external = new java.util.LinkedHashMap<>();
        for (DockerInstruction from : v.froms()) {
            String image = withoutFlags(from.arguments()).split("\\s+")[0];
            if (!v.parents().containsKey(from.stage()) && !image.equalsIgnoreCase("scratch")) {
                external.put(from, image);
            }
        }
        return external;
    }

    /** DF002: every base image resolves to a tagged reference (a build argument with a default), never latest. */
    private static List<Finding> taggedBaseImages(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        externalFroms(v).forEach((from, image) -> {
            String resolved = resolve(image, v.globalArgs());
            if (resolved == null) {
                findings.add(v.finding(Rule.DF002, from, "base image " + image + " comes from a build argument without"
                        + " a default: give the ARG a tagged default"));
            } else {
                ImageReference.Result ref = ImageReference.parse(resolved);
                if (ref.reference().isEmpty()) {
                    findings.add(v.finding(Rule.DF002, from, "base image " + resolved + " " + ref.error()));
                }
            }
        });
        return findings;
    }

    /** DF003: every base image pinned by digest (HIGH with strict). */
    private static List<Finding> pinnedBaseImages(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        externalFroms(v).forEach((from, image) -> {
            String resolved = resolve(image, v.globalArgs());
            ImageReference.Result ref = resolved == null ? null : ImageReference.parse(resolved);
            if (ref != null && ref.reference().isPresent() && !ref.reference().get().pinned()) {
                Finding f = v.finding(Rule.DF003, from, "base image " + resolved + " is not pinned by digest");
                findings.add(v.strict() ? f.withSeverity(Severity.HIGH) : f);
            }
        });
        return findings;
    }

    /** DF004: COPY, not ADD; a download by ADD without a checksum is HIGH. ONBUILD ADD too. */
    private static List<Finding> noAdd(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        for (DockerInstruction i : v.all("ADD")) {
            Finding add = v.finding(Rule.DF004, i, "ADD is used: " + abbreviate(i.arguments()));
            boolean remote = i.arguments().matches("(?s).*(https?://|git@|\\.git(\\s|#)).*")
                    && !i.arguments().contains("--checksum=");
            findings.add(remote ? add.withSeverity(Severity.HIGH) : add);
        }
        for (DockerInstruction i : v.all("ONBUILD")) {
            if (i.arguments().split("\\s+", 2)[0].equalsIgnoreCase("ADD")) {
                findings.add(v.finding(Rule.DF004, i, "ONBUILD ADD: " + abbreviate(i.arguments())));
            }
        }
        return findings;
    }

    /** DF005: the final stage has an ENTRYPOINT or CMD, each at most once, in exec form. */
    private static List<Finding> execFormEntrypoint(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        List<DockerInstruction> entrypoints = v.all("ENTRYPOINT").stream().filter(v::inFinalStage).toList();
        List<DockerInstruction> cmds = v.all("CMD").stream().filter(v::inFinalStage).toList();
        for (List<DockerInstruction> list : List.of(entrypoints, cmds)) {
            if (list.size() > 1) {
                findings.add(v.finding(Rule.DF005, list.get(1), list.size() + " " + list.get(0).keyword()
                        + " instructions in the final stage; only the last one counts"));
            }
            for (DockerInstruction i : list) {
                if (!i.execForm()) {
                    findings.add(v.finding(Rule.DF005, i, i.keyword() + " is in shell form: signals go to the shell,"
                            + " not the application"));
                }
            }
        }
        if (entrypoints.isEmpty() && cmds.isEmpty()) {
            findings.add(v.finding(Rule.DF005, v.lastFrom(), "the final stage has no ENTRYPOINT or CMD"));
        }
        return findings;
    }

    /** DF006: exactly one HEALTHCHECK, and none that needs curl or wget. */
    private static List<Finding> oneHealthcheck(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        List<DockerInstruction> checks = v.all("HEALTHCHECK").stream()
                .filter(i -> !i.arguments().trim().equalsIgnoreCase("NONE")).toList();
        for (DockerInstruction i : checks) {
            if (i.arguments().matches("(?s).*\\b(curl|wget)\\b.*")) {
                findings.add(v.finding(Rule.DF006, i, "the HEALTHCHECK needs curl or wget, which a minimal runtime"
                        + " image does not have"));
            }
        }
        if (checks.isEmpty()) {
            findings.add(v.finding(Rule.DF006, v.lastFrom(), "no HEALTHCHECK"));
        } else if (checks.size() > 1) {
            findings.add(v.finding(Rule.DF006, v.lastFrom(), checks.size() + " HEALTHCHECK instructions; only the last"
                    + " one counts"));
        }
        return findings;
    }

    /** DF007: absolute WORKDIR outside the system directories; no RUN cd. */
    private static List<Finding> workdir(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        for (DockerInstruction i : v.all("WORKDIR")) {
            String dir = unquote(i.arguments().trim());
            String trimmed = dir.replaceAll("/+$", "");
            if (!dir.startsWith("/") && !dir.startsWith("$")) {
                findings.add(v.finding(Rule.DF007, i, "WORKDIR " + dir + " is relative"));
            } else if (SYSTEM_DIRS.contains(trimmed.isEmpty() ? "/" : trimmed)) {
                findings.add(v.finding(Rule.DF007, i, "WORKDIR " + dir + " is a system directory"));
            }
        }
        for (Run run : v.runs()) {
            if (run.script().matches("(?s).*(^|&&|;)\\s*cd\\s+.*")) {
                findings.add(v.finding(Rule.DF007, run.instruction(), "RUN cd changes directory: use WORKDIR"));
            }
        }
        return findings;
    }

    /** DF008: apt-get install -y --no-install-recommends with the lists removed; no lone update; no upgrade. */
    private static List<Finding> aptGet(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        for (Run r : v.runs()) {
            String run = r.script();
            DockerInstruction i = r.instruction();
            if (!run.contains("apt-get")) {
                continue;
            }
            if (run.matches("(?s).*apt-get\\s+(-\\S+\\s+)*(dist-upgrade|upgrade)\\b.*")) {
                findings.add(v.finding(Rule.DF008, i, "apt-get upgrade/dist-upgrade in an image build"));
            }
            boolean install = run.matches("(?s).*apt-get\\s+(-\\S+\\s+)*install\\b.*");
            if (install && !run.matches("(?s).*apt-get\\s[^;&|]*(-y|--yes|--assume-yes)\\b.*")) {
                findings.add(v.finding(Rule.DF008, i, "apt-get install without -y"));
            }
            if (install && !run.contains("--no-install-recommends")) {
                findings.add(v.finding(Rule.DF008, i, "apt-get install without --no-install-recommends"));
            }
            if (install && !run.contains("/var/lib/apt/lists")) {
                findings.add(v.finding(Rule.DF008, i, "apt lists are not removed after install"));
            }
            if (run.matches("(?s).*apt-get\\s+update\\b.*") && !install) {
                findings.add(v.finding(Rule.DF008, i, "apt-get update alone caches stale lists"));
            }
        }
        return findings;
    }

    /** DF009: no sudo in RUN (HIGH: a privilege tool in the image); no MAINTAINER. */
    private static List<Finding> noSudoNoMaintainer(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        v.all("MAINTAINER").forEach(i -> findings.add(v.finding(Rule.DF009, i, "MAINTAINER is deprecated")));
        for (Run run : v.runs()) {
            if (run.script().matches("(?s).*(^|[;&|]\\s*|\\s)sudo\\s.*")) {
                findings.add(v.finding(Rule.DF009, run.instruction(), "sudo in RUN: a privilege tool in the image")
                        .withSeverity(Severity.HIGH));
            }
        }
        return findings;
    }

    /** DF010: no ARG or ENV holds a secret, by its name or inside its value. */
    private static List<Finding> noSecrets(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        for (DockerInstruction i : v.all()) {
            if (!i.is("ARG") && !i.is("ENV")) {
                continue;
            }
            for (Map.Entry<String, String> variable : variables(i).entrySet()) {
                String name = variable.getKey();
                String value = variable.getValue();
                // A name that only points at secrets (SECRETS_DIR=/run/secrets, DB_PASSWORD_FILE) holds none.
                boolean path = value != null && value.startsWith("/") && !value.contains("=");
                if (SecretNames.holdsSecret(name) && !path) {
                    findings.add(v.finding(Rule.DF010, i, i.keyword() + " " + name + " looks like a secret: build"
                            + " arguments and environment stay in the image"));
                } else if (value != null && SecretNames.valueHoldsSecret(value)) {
                    findings.add(v.finding(Rule.DF010, i, i.keyword() + " " + name + " holds a password (in a URL, a"
                            + " password= parameter, a -D...password option or a ${...:-default}): build arguments"
                            + " and environment stay in the image"));
                }
            }
        }
        return findings;
    }

    /** DF011: TLS verification never switched off, in a RUN or for every later command through ARG or ENV. */
    private static List<Finding> tlsVerified(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        for (DockerInstruction i : v.all()) {
            if ((i.is("ARG") || i.is("ENV")) && INSECURE_TLS.matcher(i.arguments()).find()) {
                findings.add(v.finding(Rule.DF011, i, "TLS verification is disabled for every later command: "
                        + abbreviate(i.arguments())));
            }
        }
        for (Run run : v.runs()) {
            if (INSECURE_TLS.matcher(run.script()).find()) {
                findings.add(v.finding(Rule.DF011, run.instruction(), "TLS verification is disabled: "
                        + abbreviate(run.script())));
            }
        }
        return findings;
    }

    /** DF012: a RUN with a pipe has pipefail on (SHELL). */
    private static List<Finding> pipefail(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        for (Run run : v.runs()) {
            if (!run.pipefail() && !run.instruction().execForm() && run.script().replaceAll("\\|\\|", "").contains("|")) {
                findings.add(v.finding(Rule.DF012, run.instruction(), "a pipe without pipefail hides a failing command"));
            }
        }
        return findings;
    }

    /** DF013: EXPOSE only ports from 1 to 65535, never 22 (HIGH). */
    private static List<Finding> exposedPorts(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        for (DockerInstruction i : v.all("EXPOSE")) {
            for (String spec : i.arguments().trim().split("\\s+")) {
                String number = spec.split("/")[0];
                if (number.startsWith("$")) {
                    continue;
                }
                int port = number.matches("\\d{1,5}") ? Integer.parseInt(number) : -1;
                if (port == 22) {
                    findings.add(v.finding(Rule.DF013, i, "port 22 (SSH) is exposed").withSeverity(Severity.HIGH));
                } else if (port < 1 || port > 65535) {
                    findings.add(v.finding(Rule.DF013, i, "EXPOSE " + spec + " is not a port from 1 to 65535"));
                }
            }
        }
        return findings;
    }

    /** DF014: stage names unique; COPY --from names an earlier stage (or an image). */
    private static List<Finding> stageNames(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        List<String> names = v.stageNames();
        for (DockerInstruction from : v.froms()) {
            String name = names.get(from.stage());
            if (!name.startsWith("#") && names.subList(0, from.stage()).contains(name)) {
                findings.add(v.finding(Rule.DF014, from, "stage name \"" + name + "\" is used twice"));
            }
        }
        for (DockerInstruction i : v.all("COPY")) {
            Matcher from = Pattern.compile("--from=(\\S+)").matcher(i.arguments());
            if (!from.find()) {
                continue;
            }
            String source = from.group(1).toLowerCase(Locale.ROOT);
            int index = names.indexOf(source);
            boolean earlier = (index >= 0 && index < i.stage())
                    || (source.matches("\\d+") && Integer.parseInt(source) < i.stage());
            boolean image = index < 0 && !source.matches("\\d+") && (source.contains(":") || source.contains("/"));
            if (!earlier && !image) {
                findings.add(v.finding(Rule.DF014, i, "COPY --from=" + from.group(1) + " does not name an earlier stage"));
            }
        }
        return findings;
    }

    /** DF015: OCI label keys only, and the final stage has a title. */
    private static List<Finding> ociLabels(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        boolean title = false;
        for (DockerInstruction i : v.all("LABEL")) {
            Matcher m = Pattern.compile("(org\\.opencontainers\\.image\\.[A-Za-z0-9.]+)\\s*=").matcher(i.arguments());
            while (m.find()) {
                String key = m.group(1).substring("org.opencontainers.image.".length());
                if (!OCI_KEYS.contains(key)) {
                    findings.add(v.finding(Rule.DF015, i, "label " + m.group(1) + " is not an OCI annotation key"));
                }
                title |= key.equals("title") && v.inFinalStage(i);
            }
        }
        if (!title) {
            findings.add(v.finding(Rule.DF015, v.lastFrom(), "the final stage has no org.opencontainers.image.title label"));
        }
        return findings;
    }

    /** DF016: no download piped or substituted into an interpreter, or saved and run without a checksum. */
    private static List<Finding> noDownloadThenRun(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        for (Run r : v.runs()) {
            String run = r.script();
            DockerInstruction i = r.instruction();
            if (PIPE_TO_SHELL.matcher(run).find()) {
                findings.add(v.finding(Rule.DF016, i, "a download is piped into an interpreter"));
            } else if (SUBSTITUTED_DOWNLOAD.matcher(run).find()) {
                findings.add(v.finding(Rule.DF016, i, "a download is run through a shell substitution"));
            } else if (!VERIFIED.matcher(run).find()) {
                savedAndRun(run).ifPresent(saved -> findings.add(v.finding(Rule.DF016, i, "a download (" + saved
                        + ") is run without a checksum or signature check")));
            }
        }
        return findings;
    }

    /** The first file a script downloads and then runs, if any. */
    private static java.util.Optional<String> savedAndRun(String run) {
        Matcher download = DOWNLOAD_TO_FILE.matcher(run);
        while (download.find()) {
            String saved = download.group(2).replaceAll("^[\"']|[\"']$", "");
            if (saved.equals("-")) {
                continue;
            }
            String name = Pattern.quote(saved);
            String base = Pattern.quote(saved.substring(saved.lastIndexOf('/') + 1));
            Pattern runs = Pattern.compile("(?:\\b(?:ba|z|da|k)?sh|\\bpython[0-9.]*|\\bperl|\\bsource|(?:^|[;&|]\\s*)\\.)"
                    + "\\s+(?:-\\S+\\s+)*" + name + "(?=\\s|$|;|&|\\|)|(?:^|[;&|]\\s*)(?:" + name + "|\\./" + base
                    + ")(?=\\s|$|;|&|\\|)");
            if (runs.matcher(run.substring(download.end())).find()) {
                return java.util.Optional.of(saved);
            }
        }
        return java.util.Optional.empty();
    }

    /** DF017: the final stage's files stay root's and unwritable for the runtime user. */
    private static List<Finding> rootOwnedFiles(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        for (DockerInstruction i : v.all("COPY")) {
            if (!v.inFinalStage(i)) {
                continue;
            }
            if (i.arguments().matches("(?s).*--chown=(?!0(:0)?\\s|root(:root)?\\s).*")) {
                findings.add(v.finding(Rule.DF017, i, "COPY --chown gives application files to a non-root owner, so"
                        + " the runtime user could change them"));
            }
            Matcher chmod = Pattern.compile("--chmod=(\\S+)").matcher(i.arguments());
            if (chmod.find() && writableByOthers(chmod.group(1))) {
                findings.add(v.finding(Rule.DF017, i, "COPY --chmod=" + chmod.group(1) + " makes application files"
                        + " writable for the runtime user"));
            }
        }
        for (Run run : v.runs()) {
            if (!run.finalStage()) {
                continue;
            }
            if (run.script().matches("(?s).*chmod\\s+(-R\\s+)?(a\\+w|o\\+w|[0-7]?[0-7][0-7][2367]\\b|777|666).*")) {
                findings.add(v.finding(Rule.DF017, run.instruction(), "chmod makes files writable for other users"));
            }
            if (run.script().matches("(?s).*\\bchown\\b.*")) {
                findings.add(v.finding(Rule.DF017, run.instruction(), "chown in the final stage hands files to another"
                        + " owner"));
            }
        }
        return findings;
    }

    /**
     * DF018: builder and runtime stages, and nothing of the build in the final one: not a single stage, not FROM
     * the build stage or the image a build stage builds with, no build or package tool run there, no toolchain
     * copied in.
     */
    private static List<Finding> noToolchainAtRuntime(DockerfileView v) {
        List<Finding> findings = new ArrayList<>();
        int last = v.last();
        Set<Integer> buildStages = v.buildStages();
        for (Integer stage = v.parents().get(last); stage != null; stage = v.parents().get(stage)) {
            if (buildStages.contains(stage)) {
                findings.add(v.finding(Rule.DF018, v.lastFrom(), "the final stage starts FROM the build stage "
                        + v.stageNames().get(stage) + ", toolchain included"));
                break;
            }
        }
        String finalBase = v.baseImages().get(v.rootStage(last));
        for (Integer stage : buildStages) {
            Integer root = v.rootStage(stage);
            if (stage != last && !root.equals(v.rootStage(last)) && finalBase != null
                    && finalBase.equals(v.baseImages().get(root))) {
                findings.add(v.finding(Rule.DF018, v.lastFrom(), "the final stage starts from " + finalBase
                        + ", the same image the build stage " + v.stageNames().get(stage) + " builds with"));
                break;
            }
        }
        for (DockerInstruction i : v.all("COPY")) {
            if (v.inFinalStage(i) && i.arguments().matches("(?s).*--from=\\S+\\s+\\S*/(usr/share/maven|opt/maven"
                    + "|usr/lib/jvm/\\S*jdk\\S*|opt/java/openjdk|root/\\.m2|usr/local/bin/mvn|opt/gradle)(/|\\s).*")) {
                findings.add(v.finding(Rule.DF018, i, "the final stage copies in the build toolchain: "
                        + abbreviate(i.arguments())));
            }
        }
        for (Run run : v.runs()) {
            if (run.finalStage() && BUILD_TOOLS.matcher(run.script()).find()) {
                findings.add(v.finding(Rule.DF018, run.instruction(), "the final stage runs a build or package tool: "
                        + abbreviate(run.script())));
            }
        }
        if (v.froms().size() < 2) {
            findings.add(v.finding(Rule.DF018, v.lastFrom(), "a single stage: the build toolchain ships in the runtime"
                    + " image"));
        }
        return findings;
    }

    /** Whether an octal or symbolic mode lets the group or others write. */
    private static boolean writableByOthers(String mode) {
        if (mode.matches("[0-7]{3,4}")) {
            String last3 = mode.substring(mode.length() - 3);
            return "2367".indexOf(last3.charAt(1)) >= 0 || "2367".indexOf(last3.charAt(2)) >= 0;
        }
        return mode.matches(".*([ago]+[+=][rwxXst]*w).*");
    }

    /** The variables an ARG or ENV sets, with their values (null for an ARG without a default). */
    private static Map<String, String> variables(DockerInstruction i) {
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        String args = i.arguments().trim();
        if (i.is("ARG")) {
            String[] kv = args.split("=", 2);
            variables.put(kv[0].trim(), kv.length > 1 ? unquote(kv[1].trim()) : null);
            return variables;
        }
        Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S*)").matcher(args);
        boolean any = false;
        while (m.find()) {
            variables.put(m.group(1), unquote(m.group(2)));
            any = true;
        }
        if (!any) { // the legacy form: ENV NAME value
            String[] parts = args.split("\\s+", 2);
            variables.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return variables;
    }

    static String resolve(String image, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(image);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = args.containsKey(m.group(1)) ? args.get(m.group(1)) : m.group(2);
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String withoutFlags(String from) {
        return from.replaceAll("--\\S+\\s+", "").trim();
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ").trim();
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }
}
