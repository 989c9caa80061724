package io.github.hardenedcontainer.policy;

import io.github.hardenedcontainer.model.SecretNames;
import io.github.hardenedcontainer.parse.YamlFile;
import io.github.hardenedcontainer.parse.YamlFile.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Compose rules (CP001 to CP013): one method a rule, each on the same view of the file ({@link ComposeView}),
 * dispatched from the catalogue's identifiers. Every service is checked, with or without a {@code version:} key
 * (some scanners skip rules when it is missing; this check does not).
 */
final class ComposeChecks {

    /** The last path segment of a database image: postgres, bitnami/postgresql, local/hardened-postgres. */
    private static final Pattern DATABASE_IMAGE = Pattern.compile(
            "(?i)([a-z0-9]+[-_])?(postgres|postgresql|mysql|mariadb|mongo|mongodb|redis|valkey|cassandra|mssql)");
    private static final Set<String> SENSITIVE = Set.of("/", "/etc", "/proc", "/sys", "/dev", "/root", "/boot",
            "/var/run", "/run", "/var/lib/docker", "/usr", "/lib", "/bin", "/sbin", "/home");

    private ComposeChecks() {
    }

    /** Each Compose rule's own unit; every one reads the same view of the file. */
    static final RuleUnits<ComposeView> RULES = new RuleUnits<>(Map.ofEntries(
            Map.entry(Rule.CP001, ComposeChecks::readOnlyRoot),
            Map.entry(Rule.CP002, ComposeChecks::capabilities),
            Map.entry(Rule.CP003, ComposeChecks::noNewPrivileges),
            Map.entry(Rule.CP004, ComposeChecks::numericUser),
            Map.entry(Rule.CP005, ComposeChecks::confinement),
            Map.entry(Rule.CP006, ComposeChecks::databaseInternal),
            Map.entry(Rule.CP007, ComposeChecks::hostInterface),
            Map.entry(Rule.CP008, ComposeChecks::limits),
            Map.entry(Rule.CP009, ComposeChecks::healthchecks),
            Map.entry(Rule.CP010, ComposeChecks::networks),
            Map.entry(Rule.CP011, ComposeChecks::mounts),
            Map.entry(Rule.CP012, ComposeChecks::secretLiterals),
            Map.entry(Rule.CP013, ComposeChecks::restartPolicy)));

    static List<Finding> check(String file, YNode root) {
        List<Finding> findings = new ArrayList<>();
        Map<String, YNode> declared = root.get("services").map(YNode::entries).orElse(Map.of());
        Map<String, YNode> services = new java.util.LinkedHashMap<>();
        for (String name : declared.keySet()) {
            services.put(name, extended(file, name, declared, new java.util.ArrayList<>(), findings));
        }
        if (services.isEmpty()) {
            findings.add(new Finding(Rule.VF003, file, root.line(), "no services: this is not a Compose file"));
            return findings;
        }
        findings.addAll(RULES.check(ComposeView.of(file, root, services)));
        return findings;
    }

    /**
     * A Compose file as the rules read it: each service with what it {@code extends} merged in, the declared
     * networks, and the one-shot services (a migration, say: others wait for them to exit 0 with depends_on
     * condition service_completed_successfully, so they have nothing to health-check and must not restart).
     */
    record ComposeView(String file, YNode root, Map<String, YNode> services, Map<String, YNode> networks,
            Set<String> oneShots) {

        static ComposeView of(String file, YNode root, Map<String, YNode> services) {
            Set<String> oneShots = new java.util.HashSet<>();
            for (YNode service : services.values()) {
                service.get("depends_on").filter(YNode::isMap).ifPresent(deps -> deps.entries().forEach((dep, spec) -> {
                    if (spec.get("condition").flatMap(YNode::text).map(COMPLETED::equals).orElse(false)) {
                        oneShots.add(dep);
                    }
                }));
            }
            return new ComposeView(file, root, services, root.get("networks").map(YNode::entries).orElse(Map.of()),
                    oneShots);
        }

        /** The line of a service's name. */
        int line(String service) {
            return root.get("services").get().keyLine(service);
        }

        /** The line of a key of a service, or of the service's name when the key is not there. */
        int line(String service, String key) {
            YNode s = services.get(service);
            return s.keyLine(key) == s.line() ? line(service) : s.keyLine(key);
        }

        Finding finding(Rule rule, int line, String message) {
            return new Finding(rule, file, line, message);
        }
    }

    /** CP001: a read-only root filesystem with a tmpfs for /tmp. */
    private static List<Finding> readOnlyRoot(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            if (!"true".equals(s.get("read_only").map(n -> n.textOr("")).orElse(""))) {
                findings.add(v.finding(Rule.CP001, v.line(name, "read_only"), "service " + name
                        + " has a writable root filesystem"));
            } else if (s.get("tmpfs").map(t -> t.texts().stream().noneMatch(x -> x.equals("/tmp") || x.startsWith("/tmp:")))
                    .orElse(true)) {
                findings.add(v.finding(Rule.CP001, v.line(name), "service " + name + " is read-only but has no tmpfs for /tmp"));
            }
        });
        return findings;
    }

    /** CP002: cap_drop: [ALL], no cap_add. */
    private static List<Finding> capabilities(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            if (!s.get("cap_drop").map(YNode::texts).orElse(List.of()).contains("ALL")) {
                findings.add(v.finding(Rule.CP002, s.get("cap_drop").map(YNode::line).orElse(v.line(name)),
                        "service " + name + " keeps Docker's default capabilities (no cap_drop: [ALL])"));
            }
            s.get("cap_add").ifPresent(add -> findings.add(v.finding(Rule.CP002, s.keyLine("cap_add"),
                    "service " + name + " adds capabilities " + add.texts())));
        });
        return findings;
    }

    /** CP003: no-new-privileges:true. */
    private static List<Finding> noNewPrivileges(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            List<String> securityOpt = s.get("security_opt").map(YNode::texts).orElse(List.of());
            if (securityOpt.stream().noneMatch(o -> o.replace('=', ':').equals("no-new-privileges:true")
                    || o.equals("no-new-privileges"))) {
                findings.add(v.finding(Rule.CP003, s.get("security_opt").map(YNode::line).orElse(v.line(name)),
                        "service " + name + " can gain privileges (no no-new-privileges:true)"));
            }
        });
        return findings;
    }

    /** CP004: a numeric user other than 0. */
    private static List<Finding> numericUser(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            Optional<String> user = s.get("user").flatMap(YNode::text);
            if (user.isEmpty()) {
                findings.add(v.finding(Rule.CP004, v.line(name), "service " + name + " sets no user: it runs as the"
                        + " image's user, often root"));
            } else if (!user.get().matches("\\d+(:\\d+)?") || user.get().split(":")[0].equals("0")) {
                findings.add(v.finding(Rule.CP004, s.keyLine("user"), "service " + name + " runs as user \""
                        + user.get() + "\": use a numeric id above 0"));
            }
        });
        return findings;
    }

    /** CP005: confined: not privileged, no host namespace, no devices, no seccomp/AppArmor/SELinux/paths off. */
    private static List<Finding> confinement(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            List<String> securityOpt = s.get("security_opt").map(YNode::texts).orElse(List.of());
            if (securityOpt.stream().anyMatch(o -> o.replace('=', ':').matches("(?i)(seccomp|apparmor):unconfined"))) {
                findings.add(v.finding(Rule.CP005, s.keyLine("security_opt"), "service " + name + " runs unconfined"));
            }
            if ("true".equals(s.get("privileged").flatMap(YNode::text).orElse(""))) {
                findings.add(v.finding(Rule.CP005, s.keyLine("privileged"), "service " + name + " is privileged"));
            }
            for (String key : List.of("network_mode", "pid", "ipc", "userns_mode", "uts", "cgroup")) {
                if (s.get(key).flatMap(YNode::text).map(x -> x.equals("host")).orElse(false)) {
                    findings.add(v.finding(Rule.CP005, s.keyLine(key), "service " + name + " shares the host's "
                            + key.replace("_mode", "") + " namespace"));
                }
            }
            s.get("devices").filter(d -> !d.items().isEmpty() || d.isScalar()).ifPresent(d -> findings.add(v.finding(
                    Rule.CP005, s.keyLine("devices"), "service " + name + " gets host devices " + d.texts())));
            for (String option : securityOpt) {
                String o = option.replace('=', ':');
                if (o.equals("systempaths:unconfined") || o.equals("label:disable") || o.equals("label:type:spc_t")) {
                    findings.add(v.finding(Rule.CP005, s.keyLine("security_opt"), "service " + name
                            + " turns a confinement off (security_opt " + option + ")"));
                }
            }
        });
        return findings;
    }

    /** CP006: a database publishes no port and is only on internal networks. */
    private static List<Finding> databaseInternal(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            if (!isDatabase(name, s)) {
                return;
            }
            if (!s.get("ports").map(YNode::items).orElse(List.of()).isEmpty()) {
                findings.add(v.finding(Rule.CP006, s.keyLine("ports"), "database service " + name
                        + " publishes ports " + s.get("ports").get().texts()));
            }
            List<String> attached = attachedNetworks(s);
            for (String net : attached) {
                if (v.networks().containsKey(net)
                        && !v.networks().get(net).get("internal").flatMap(YNode::text).map("true"::equals).orElse(false)) {
                    findings.add(v.finding(Rule.CP006, s.keyLine("networks"), "database service " + name
                            + " joins network " + net + ", which is not internal: true"));
                }
            }
            if (attached.isEmpty()) {
                findings.add(v.finding(Rule.CP006, v.line(name), "database service " + name + " is on the default"
                        + " network, which is not internal"));
            }
        });
        return findings;
    }

    /** CP007: published ports bound to a host address, never every interface (none, 0.0.0.0 or ::). */
    private static List<Finding> hostInterface(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            for (YNode port : s.get("ports").map(YNode::items).orElse(List.of())) {
                String spec = port.isMap() ? port.get("host_ip").flatMap(YNode::text).map(ip -> ip + ":x:x").orElse("x")
                        : port.textOr("");
                if (!spec.matches("(\\d{1,3}\\.){3}\\d{1,3}:.*|\\[[0-9a-fA-F:]+\\]:.*")
                        || spec.startsWith("0.0.0.0:") || spec.matches("\\[(0*:)*:?(0*:?)*\\]:.*")) {
                    findings.add(v.finding(Rule.CP007, port.line(), "service " + name + " publishes "
                            + port.textOr("a port") + " on every host interface"));
                }
            }
        });
        return findings;
    }

    /** CP008: memory, CPU and process limits (0 and -1 are none). */
    private static List<Finding> limits(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            List<String> missing = new ArrayList<>();
            if (!limited(s.get("mem_limit")) && !limited(s.at("deploy", "resources", "limits", "memory"))) {
                missing.add("memory");
            }
            if (!limited(s.get("cpus")) && !limited(s.at("deploy", "resources", "limits", "cpus"))) {
                missing.add("cpus");
            }
            if (!limited(s.get("pids_limit")) && !limited(s.at("deploy", "resources", "limits", "pids"))) {
                missing.add("pids");
            }
            if (!missing.isEmpty()) {
                findings.add(v.finding(Rule.CP008, v.line(name), "service " + name + " has no "
                        + String.join(", ", missing) + " limit"));
            }
        });
        return findings;
    }

    /** CP009: a healthcheck on every long-running service, and dependencies waited for until healthy (or done). */
    private static List<Finding> healthchecks(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            Optional<YNode> health = s.get("healthcheck");
            if (v.oneShots().contains(name)) {
                String restart = s.get("restart").flatMap(YNode::text).orElse("no");
                if (!restart.equals("no") && !restart.startsWith("on-failure")) {
                    findings.add(v.finding(Rule.CP009, s.keyLine("restart"), "service " + name + " is a one-shot"
                            + " (another service waits for it to complete) but restart: " + restart + " starts it again"
                            + " after it completes: use restart: \"no\""));
                }
            } else if (health.isEmpty()
                    || health.get().get("disable").flatMap(YNode::text).map("true"::equals).orElse(false)) {
                findings.add(v.finding(Rule.CP009, v.line(name), "service " + name + " has no healthcheck"));
            }
            s.get("depends_on").ifPresent(deps -> {
                if (deps.isList()) {
                    for (String dep : deps.texts()) {
                        findings.add(v.finding(Rule.CP009, deps.line(), "service " + name + " starts when " + dep
                                + " starts, not when it is healthy: use condition: service_healthy"));
                    }
                } else {
                    deps.entries().forEach((dep, spec) -> {
                        String condition = spec.get("condition").flatMap(YNode::text).orElse("");
                        if (!condition.equals("service_healthy") && !condition.equals(COMPLETED)) {
                            findings.add(v.finding(Rule.CP009, deps.keyLine(dep), "service " + name + " does not"
                                    + " wait for " + dep + " to be healthy (condition: service_healthy; for a one-shot,"
                                    + " service_completed_successfully)"));
                        }
                    });
                }
            });
        });
        return findings;
    }

    /** CP010: every service on declared, user-defined networks. */
    private static List<Finding> networks(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            List<String> attached = attachedNetworks(s);
            if (attached.isEmpty() && s.get("network_mode").isEmpty()) {
                findings.add(v.finding(Rule.CP010, v.line(name), "service " + name + " uses the default network"));
            }
            for (String net : attached) {
                if (!v.networks().containsKey(net)) {
                    findings.add(v.finding(Rule.CP010, s.keyLine("networks"), "service " + name + " joins network "
                            + net + ", which is not declared"));
                }
            }
        });
        return findings;
    }

    /** CP011: no Docker socket and no sensitive host directory mounted. */
    private static List<Finding> mounts(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            for (YNode volume : s.get("volumes").map(YNode::items).orElse(List.of())) {
                String source = volume.isMap() ? volume.get("source").flatMap(YNode::text).orElse("")
                        : volume.textOr("").split(":")[0];
                String normalized = source.replaceAll("/+$", "");
                if (source.contains("docker.sock")
                        || (source.startsWith("/") && SENSITIVE.contains(normalized.isEmpty() ? "/" : normalized))) {
                    findings.add(v.finding(Rule.CP011, volume.line(), "service " + name + " mounts the host's " + source));
                }
            }
        });
        return findings;
    }

    /** CP012: no secret as a literal value in an environment, by its name or inside its value. */
    private static List<Finding> secretLiterals(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            for (EnvVar var : environment(s)) {
                if (SecretNames.holdsSecret(var.key()) && !var.value().isEmpty() && !var.value().matches("\\$\\{[^}]+}")) {
                    findings.add(v.finding(Rule.CP012, var.line(), "service " + name + " sets " + var.key()
                            + " to a literal value"));
                } else if (SecretNames.valueHoldsSecret(var.value())) {
                    findings.add(v.finding(Rule.CP012, var.line(), "service " + name + " has a password inside the"
                            + " value of " + var.key() + " (in a URL, a password= parameter or a -D...password option)"));
                }
            }
        });
        return findings;
    }

    /** CP013: a restart policy on every long-running service ("no" is Docker's default, not a policy). */
    private static List<Finding> restartPolicy(ComposeView v) {
        List<Finding> findings = new ArrayList<>();
        v.services().forEach((name, s) -> {
            // A one-shot must not restart (CP009).
            boolean restarts = s.get("restart").flatMap(YNode::text).map(r -> !r.equals("no")).orElse(false)
                    || s.at("deploy", "restart_policy", "condition").flatMap(YNode::text).map(c -> !c.equals("none"))
                            .orElse(s.at("deploy", "restart_policy").isPresent());
            if (!restarts && !v.oneShots().contains(name)) {
                findings.add(v.finding(Rule.CP013, v.line(name, "restart"), "service " + name + " has no restart"
                        + " policy (restart: \"no\" is none)"));
            }
        });
        return findings;
    }

    /** The networks a service joins, from the list or the map form. */
    private static List<String> attachedNetworks(YNode service) {
        return service.get("networks").map(n -> n.isMap() ? List.copyOf(n.entries().keySet()) : n.texts())
                .orElse(List.of());
    }

    /**
     * A service with what it {@code extends} in the same file merged in, as Compose merges it (the service's own
     * values win; lists are joined). {@code extends} from another file cannot be judged here: a finding says so.
     */
    private static YNode extended(String file, String name, Map<String, YNode> services, List<String> chain,
            List<Finding> findings) {
        YNode service = services.get(name);
        Optional<YNode> extendsNode = service.get("extends");
        if (extendsNode.isEmpty()) {
            return service;
        }
        YNode spec = extendsNode.get();
        String base = spec.isScalar() ? spec.textOr("") : spec.get("service").flatMap(YNode::text).orElse("");
        if (spec.get("file").isPresent()) {
            findings.add(new Finding(Rule.VF003, file, service.keyLine("extends"), "service " + name + " extends "
                    + base + " from " + spec.get("file").get().textOr("another file") + ", which verify does not read:"
                    + " inline the base service, or check the merged file (docker compose config)"));
            return YamlFile.without(service, "extends");
        }
        if (!services.containsKey(base) || chain.contains(base) || base.equals(name)) {
            findings.add(new Finding(Rule.VF003, file, service.keyLine("extends"), "service " + name + " extends "
                    + base + ", which is not a service of this file (or extends it back)"));
            return YamlFile.without(service, "extends");
        }
        chain.add(name);
        YNode resolvedBase = extended(file, base, services, chain, new ArrayList<>());
        return YamlFile.merge(resolvedBase, YamlFile.without(service, "extends"));
    }

    /** Whether a limit is set to something other than 0 or -1 (both mean none). */
    private static boolean limited(Optional<YNode> value) {
        return value.flatMap(YNode::text).map(v -> !v.trim().matches("-1|0+(\\.0*)?[a-zA-Z]*")).orElse(false);
    }

    /** One environment variable of a service, from the mapping or the list form. */
    private record EnvVar(String key, String value, int line) {
    }

    private static List<EnvVar> environment(YNode service) {
        List<EnvVar> vars = new ArrayList<>();
        service.get("environment").ifPresent(env -> {
            if (env.isMap()) {
                env.entries().forEach((key, value) -> vars.add(new EnvVar(key, value.textOr(""), value.line())));
            } else {
                for (YNode item : env.items()) {
                    String text = item.textOr("");
                    int eq = text.indexOf('=');
                    vars.add(eq > 0 ? new EnvVar(text.substring(0, eq), text.substring(eq + 1), item.line())
                            : new EnvVar(text, "", item.line()));
                }
            }
        });
        return vars;
    }

    /** The depends_on condition of a one-shot dependency: it exited 0. */
    private static final String COMPLETED = "service_completed_successfully";

    /**
     * A database is recognised by its image's name (the default of a ${VAR:-image} reference; registry, path, tag
     * and digest ignored) or by a service name such as db or postgres. A service that is built here is an
     * application, never a database.
     */
    static boolean isDatabase(String name, YNode service) {
        if (service.get("build").isPresent()) {
            return false;
        }
        String image = service.get("image").flatMap(YNode::text).orElse("");
        java.util.regex.Matcher variable = Pattern.compile("\\$\\{[^:}]+:?-([^}]*)}").matcher(image);
        if (variable.find()) {
            image = variable.group(1);
        }
        String repository = image.split("@")[0];
        String last = repository.substring(repository.lastIndexOf('/') + 1).split(":")[0];
        return DATABASE_IMAGE.matcher(last).matches()
                || name.matches("(?i)db|database|postgres(ql)?|mysql|mariadb|mongo(db)?|redis");
    }
}
