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

/** The Dockerfile rules (DF001 to DF018), on parsed instructions. */
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

    static List<Finding> check(String file, List<DockerInstruction> all, boolean strict) {
        List<Finding> findings = new ArrayList<>();
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
            findings.add(new Finding(Rule.VF003, file, 1, "no FROM instruction: this is not a Dockerfile"));
            return findings;
        }
        int last = froms.size() - 1;

        // Stages and base images; a stage FROM an earlier stage inherits its USER.
        List<String> stageNames = new ArrayList<>();
        Map<Integer, Integer> parents = new HashMap<>();
        Map<Integer, String> baseImages = new HashMap<>();
        for (DockerInstruction from : froms) {
            String[] words = withoutFlags(from.arguments()).split("\\s+");
            String image = words[0];
            int parent = stageNames.indexOf(image.toLowerCase(Locale.ROOT));
            if (parent >= 0) {
                parents.put(from.stage(), parent);
            } else {
                baseImages.put(from.stage(), String.valueOf(resolve(image, globalArgs)));
            }
            if (words.length >= 3 && words[1].equalsIgnoreCase("AS")) {
                String name = words[2].toLowerCase(Locale.ROOT);
                if (stageNames.contains(name)) {
                    findings.add(new Finding(Rule.DF014, file, from.line(), "stage name \"" + name + "\" is used twice"));
                }
                stageNames.add(name);
            } else {
                stageNames.add("#" + from.stage());
            }
            if (stageNames.subList(0, stageNames.size() - 1).contains(image.toLowerCase(Locale.ROOT))
                    || image.equalsIgnoreCase("scratch")) {
                continue;
            }
            String resolved = resolve(image, globalArgs);
            if (resolved == null) {
                findings.add(new Finding(Rule.DF002, file, from.line(), "base image " + image
                        + " comes from a build argument without a default: give the ARG a tagged default"));
                continue;
            }
            ImageReference.Result ref = ImageReference.parse(resolved);
            if (ref.reference().isEmpty()) {
                findings.add(new Finding(Rule.DF002, file, from.line(), "base image " + resolved + " " + ref.error()));
            } else if (!ref.reference().get().pinned()) {
                Finding f = new Finding(Rule.DF003, file, from.line(), "base image " + resolved + " is not pinned by digest");
                findings.add(strict ? f.withSeverity(Severity.HIGH) : f);
            }
        }

        Map<Integer, DockerInstruction> users = new HashMap<>();
        Set<Integer> buildStages = new HashSet<>();
        int healthchecks = 0;
        boolean pipefail = false;
        boolean hasLabelTitle = false;
        Set<String> stagesSeen = new HashSet<>();
        List<DockerInstruction> finalEntrypoints = new ArrayList<>();
        List<DockerInstruction> finalCmds = new ArrayList<>();
        for (DockerInstruction i : all) {
            if (i.is("FROM")) {
                stagesSeen.add(stageNames.get(i.stage()));
                stagesSeen.add(Integer.toString(i.stage()));
                pipefail = false;
                continue;
            }
            switch (i.keyword()) {
                case "USER" -> users.put(i.stage(), i);
                case "ADD" -> {
                    // A download (a URL or a git repository) with no checksum is worse than an unpacked archive.
                    Finding add = new Finding(Rule.DF004, file, i.line(), "ADD is used: " + abbreviate(i.arguments()));
                    boolean remote = i.arguments().matches("(?s).*(https?://|git@|\\.git(\\s|#)).*")
                            && !i.arguments().contains("--checksum=");
                    findings.add(remote ? add.withSeverity(Severity.HIGH) : add);
                }
                case "MAINTAINER" -> findings.add(new Finding(Rule.DF009, file, i.line(), "MAINTAINER is deprecated"));
                case "HEALTHCHECK" -> {
                    if (!i.arguments().trim().equalsIgnoreCase("NONE")) {
                        healthchecks++;
                        if (i.arguments().matches("(?s).*\\b(curl|wget)\\b.*")) {
                            findings.add(new Finding(Rule.DF006, file, i.line(), "the HEALTHCHECK needs curl or wget,"
                                    + " which a minimal runtime image does not have"));
                        }
                    }
                }
                case "WORKDIR" -> {
                    String dir = unquote(i.arguments().trim());
                    if (!dir.startsWith("/") && !dir.startsWith("$")) {
                        findings.add(new Finding(Rule.DF007, file, i.line(), "WORKDIR " + dir + " is relative"));
                    } else if (SYSTEM_DIRS.contains(dir.replaceAll("/+$", "").isEmpty() ? "/" : dir.replaceAll("/+$", ""))) {
                        findings.add(new Finding(Rule.DF007, file, i.line(), "WORKDIR " + dir + " is a system directory"));
                    }
                }
                case "ARG", "ENV" -> {
                    for (Map.Entry<String, String> variable : variables(i).entrySet()) {
                        String name = variable.getKey();
                        String value = variable.getValue();
                        // A name that only points at secrets (SECRETS_DIR=/run/secrets, DB_PASSWORD_FILE) holds none.
                        boolean path = value != null && value.startsWith("/") && !value.contains("=");
                        if (SecretNames.holdsSecret(name) && !path) {
                            findings.add(new Finding(Rule.DF010, file, i.line(), i.keyword() + " " + name
                                    + " looks like a secret: build arguments and environment stay in the image"));
                        } else if (value != null && SecretNames.valueHoldsSecret(value)) {
                            findings.add(new Finding(Rule.DF010, file, i.line(), i.keyword() + " " + name
                                    + " holds a password (in a URL, a password= parameter, a -D...password option or a"
                                    + " ${...:-default}): build arguments and environment stay in the image"));
                        }
                    }
                    if (INSECURE_TLS.matcher(i.arguments()).find()) {
                        findings.add(new Finding(Rule.DF011, file, i.line(), "TLS verification is disabled for every"
                                + " later command: " + abbreviate(i.arguments())));
                    }
                }
                case "ONBUILD" -> {
                    // Runs in every image built FROM this one: the same rules as here.
                    String[] trigger = i.arguments().split("\\s+", 2);
                    if (trigger[0].equalsIgnoreCase("RUN") && trigger.length > 1) {
                        checkRun(file, new DockerInstruction("RUN", trigger[1], i.line(), i.stage()), true, false, findings);
                    } else if (trigger[0].equalsIgnoreCase("ADD")) {
                        findings.add(new Finding(Rule.DF004, file, i.line(), "ONBUILD ADD: " + abbreviate(i.arguments())));
                    }
                }
                case "SHELL" -> pipefail = i.arguments().contains("pipefail");
                case "EXPOSE" -> {
                    for (String spec : i.arguments().trim().split("\\s+")) {
                        String number = spec.split("/")[0];
                        if (number.startsWith("$")) {
                            continue;
                        }
                        int port = number.matches("\\d{1,5}") ? Integer.parseInt(number) : -1;
                        if (port == 22) {
                            findings.add(new Finding(Rule.DF013, file, i.line(), "port 22 (SSH) is exposed")
                                    .withSeverity(Severity.HIGH));
                        } else if (port < 1 || port > 65535) {
                            findings.add(new Finding(Rule.DF013, file, i.line(), "EXPOSE " + spec + " is not a port from 1 to 65535"));
                        }
                    }
                }
                case "LABEL" -> {
                    Matcher m = Pattern.compile("(org\\.opencontainers\\.image\\.[A-Za-z0-9.]+)\\s*=").matcher(i.arguments());
                    while (m.find()) {
                        String key = m.group(1).substring("org.opencontainers.image.".length());
                        if (!OCI_KEYS.contains(key)) {
                            findings.add(new Finding(Rule.DF015, file, i.line(), "label " + m.group(1)
                                    + " is not an OCI annotation key"));
                        }
                        if (key.equals("title") && i.stage() == last) {
                            hasLabelTitle = true;
                        }
                    }
                }
                case "COPY" -> {
                    Matcher from = Pattern.compile("--from=(\\S+)").matcher(i.arguments());
                    if (from.find()) {
                        String source = from.group(1).toLowerCase(Locale.ROOT);
                        int index = stageNames.indexOf(source);
                        boolean earlier = (index >= 0 && index < i.stage())
                                || (source.matches("\\d+") && Integer.parseInt(source) < i.stage());
                        boolean image = index < 0 && !source.matches("\\d+") && (source.contains(":") || source.contains("/"));
                        if (!earlier && !image) {
                            findings.add(new Finding(Rule.DF014, file, i.line(), "COPY --from=" + from.group(1)
                                    + " does not name an earlier stage"));
                        }
                    }
                    if (i.stage() == last && i.arguments().matches("(?s).*--chown=(?!0(:0)?\\s|root(:root)?\\s).*")) {
                        findings.add(new Finding(Rule.DF017, file, i.line(), "COPY --chown gives application files"
                                + " to a non-root owner, so the runtime user could change them"));
                    }
                    Matcher chmod = Pattern.compile("--chmod=(\\S+)").matcher(i.arguments());
                    if (i.stage() == last && chmod.find() && writableByOthers(chmod.group(1))) {
                        findings.add(new Finding(Rule.DF017, file, i.line(), "COPY --chmod=" + chmod.group(1)
                                + " makes application files writable for the runtime user"));
                    }
                    if (i.stage() == last && i.arguments().matches("(?s).*--from=\\S+\\s+\\S*/(usr/share/maven|opt/maven"
                            + "|usr/lib/jvm/\\S*jdk\\S*|opt/java/openjdk|root/\\.m2|usr/local/bin/mvn|opt/gradle)(/|\\s).*")) {
                        findings.add(new Finding(Rule.DF018, file, i.line(), "the final stage copies in the build"
                                + " toolchain: " + abbreviate(i.arguments())));
                    }
                }
                case "RUN" -> {
                    checkRun(file, i, pipefail, i.stage() == last, findings);
                    if (BUILD_TOOLS.matcher(i.arguments()).find()) {
                        buildStages.add(i.stage());
                    }
                }
                case "ENTRYPOINT" -> {
                    if (i.stage() == last) {
                        finalEntrypoints.add(i);
                    }
                }
                case "CMD" -> {
                    if (i.stage() == last) {
                        finalCmds.add(i);
                    }
                }
                default -> {
                    // no rule for this instruction
                }
            }
        }

        // DF001: the final stage's USER (its own, or that of the earlier stage it starts FROM), numeric, not root.
        DockerInstruction lastFrom = froms.get(last);
        DockerInstruction lastUser = null;
        for (Integer stage = last; stage != null && lastUser == null; stage = parents.get(stage)) {
            lastUser = users.get(stage);
        }
        // DF018: the final stage starts from the builder stage, or from the image a build stage started from.
        for (Integer stage = parents.get(last); stage != null; stage = parents.get(stage)) {
            if (buildStages.contains(stage)) {
                findings.add(new Finding(Rule.DF018, file, lastFrom.line(), "the final stage starts FROM the build"
                        + " stage " + stageNames.get(stage) + ", toolchain included"));
                break;
            }
        }
        String finalBase = baseImages.get(rootStage(last, parents));
        for (Integer stage : buildStages) {
            Integer root = rootStage(stage, parents);
            if (stage != last && !root.equals(rootStage(last, parents)) && finalBase != null
                    && finalBase.equals(baseImages.get(root))) {
                findings.add(new Finding(Rule.DF018, file, lastFrom.line(), "the final stage starts from " + finalBase
                        + ", the same image the build stage " + stageNames.get(stage) + " builds with"));
                break;
            }
        }
        if (lastUser == null) {
            findings.add(new Finding(Rule.DF001, file, lastFrom.line(), "the final stage sets no USER, so it runs"
                    + " as the base image's user (often root)"));
        } else {
            String user = unquote(lastUser.arguments().trim());
            String uid = user.split(":")[0];
            if (!uid.matches("\\d+")) {
                findings.add(new Finding(Rule.DF001, file, lastUser.line(), "USER " + user + " is not numeric:"
                        + " runtimes cannot verify a name is non-root"));
            } else if (Long.parseLong(uid) == 0) {
                findings.add(new Finding(Rule.DF001, file, lastUser.line(), "USER " + user + " is root"));
            }
        }
        if (healthchecks == 0) {
            findings.add(new Finding(Rule.DF006, file, lastFrom.line(), "no HEALTHCHECK"));
        } else if (healthchecks > 1) {
            findings.add(new Finding(Rule.DF006, file, lastFrom.line(), healthchecks + " HEALTHCHECK instructions;"
                    + " only the last one counts"));
        }
        for (List<DockerInstruction> list : List.of(finalEntrypoints, finalCmds)) {
            if (list.size() > 1) {
                findings.add(new Finding(Rule.DF005, file, list.get(1).line(), list.size() + " " + list.get(0).keyword()
                        + " instructions in the final stage; only the last one counts"));
            }
            for (DockerInstruction i : list) {
                if (!i.execForm()) {
                    findings.add(new Finding(Rule.DF005, file, i.line(), i.keyword() + " is in shell form: signals"
                            + " go to the shell, not the application"));
                }
            }
        }
        if (finalEntrypoints.isEmpty() && finalCmds.isEmpty()) {
            findings.add(new Finding(Rule.DF005, file, lastFrom.line(), "the final stage has no ENTRYPOINT or CMD"));
        }
        if (!hasLabelTitle) {
            findings.add(new Finding(Rule.DF015, file, lastFrom.line(), "the final stage has no"
                    + " org.opencontainers.image.title label"));
        }
        if (froms.size() < 2) {
            findings.add(new Finding(Rule.DF018, file, lastFrom.line(), "a single stage: the build toolchain ships"
                    + " in the runtime image"));
        }
        return findings;
    }

    private static void checkRun(String file, DockerInstruction i, boolean pipefail, boolean finalStage, List<Finding> findings) {
        String run = i.arguments();
        if (INSECURE_TLS.matcher(run).find()) {
            findings.add(new Finding(Rule.DF011, file, i.line(), "TLS verification is disabled: " + abbreviate(run)));
        }
        if (PIPE_TO_SHELL.matcher(run).find()) {
            findings.add(new Finding(Rule.DF016, file, i.line(), "a download is piped into an interpreter"));
        } else if (SUBSTITUTED_DOWNLOAD.matcher(run).find()) {
            findings.add(new Finding(Rule.DF016, file, i.line(), "a download is run through a shell substitution"));
        } else if (!VERIFIED.matcher(run).find()) {
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
                    findings.add(new Finding(Rule.DF016, file, i.line(), "a download (" + saved + ") is run without a"
                            + " checksum or signature check"));
                    break;
                }
            }
        }
        if (run.matches("(?s).*(^|[;&|]\\s*|\\s)sudo\\s.*")) {
            findings.add(new Finding(Rule.DF009, file, i.line(), "sudo in RUN: a privilege tool in the image")
                    .withSeverity(Severity.HIGH));
        }
        if (run.matches("(?s).*(^|&&|;)\\s*cd\\s+.*")) {
            findings.add(new Finding(Rule.DF007, file, i.line(), "RUN cd changes directory: use WORKDIR"));
        }
        if (!pipefail && !i.execForm() && run.replaceAll("\\|\\|", "").contains("|")) {
            findings.add(new Finding(Rule.DF012, file, i.line(), "a pipe without pipefail hides a failing command"));
        }
        if (run.contains("apt-get")) {
            if (run.matches("(?s).*apt-get\\s+(-\\S+\\s+)*(dist-upgrade|upgrade)\\b.*")) {
                findings.add(new Finding(Rule.DF008, file, i.line(), "apt-get upgrade/dist-upgrade in an image build"));
            }
            boolean install = run.matches("(?s).*apt-get\\s+(-\\S+\\s+)*install\\b.*");
            if (install && !run.matches("(?s).*apt-get\\s[^;&|]*(-y|--yes|--assume-yes)\\b.*")) {
                findings.add(new Finding(Rule.DF008, file, i.line(), "apt-get install without -y"));
            }
            if (install && !run.contains("--no-install-recommends")) {
                findings.add(new Finding(Rule.DF008, file, i.line(), "apt-get install without --no-install-recommends"));
            }
            if (install && !run.contains("/var/lib/apt/lists")) {
                findings.add(new Finding(Rule.DF008, file, i.line(), "apt lists are not removed after install"));
            }
            if (run.matches("(?s).*apt-get\\s+update\\b.*") && !install) {
                findings.add(new Finding(Rule.DF008, file, i.line(), "apt-get update alone caches stale lists"));
            }
        }
        if (finalStage && BUILD_TOOLS.matcher(run).find()) {
            findings.add(new Finding(Rule.DF018, file, i.line(), "the final stage runs a build or package tool: "
                    + abbreviate(run)));
        }
        if (finalStage && run.matches("(?s).*chmod\\s+(-R\\s+)?(a\\+w|o\\+w|[0-7]?[0-7][0-7][2367]\\b|777|666).*")) {
            findings.add(new Finding(Rule.DF017, file, i.line(), "chmod makes files writable for other users"));
        }
        if (finalStage && run.matches("(?s).*\\bchown\\b.*")) {
            findings.add(new Finding(Rule.DF017, file, i.line(), "chown in the final stage hands files to another owner"));
        }
    }

    /** The first stage of a chain of stages that start FROM each other. */
    private static Integer rootStage(int stage, Map<Integer, Integer> parents) {
        Integer current = stage;
        while (parents.containsKey(current)) {
            current = parents.get(current);
        }
        return current;
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
