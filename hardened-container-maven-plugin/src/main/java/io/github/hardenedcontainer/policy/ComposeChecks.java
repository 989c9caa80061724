package io.github.hardenedcontainer.policy;

import io.github.hardenedcontainer.parse.YamlFile;
import io.github.hardenedcontainer.parse.YamlFile.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Compose rules (CP001 to CP013). Every service is checked, with or without a {@code version:} key (some
 * scanners skip rules when it is missing; this check does not).
 */
final class ComposeChecks {

    /** The last path segment of a database image: postgres, bitnami/postgresql, local/hardened-postgres. */
    private static final Pattern DATABASE_IMAGE = Pattern.compile(
            "(?i)([a-z0-9]+[-_])?(postgres|postgresql|mysql|mariadb|mongo|mongodb|redis|valkey|cassandra|mssql)");
    private static final Set<String> SENSITIVE = Set.of("/", "/etc", "/proc", "/sys", "/dev", "/root", "/boot",
            "/var/run", "/run", "/var/lib/docker", "/usr", "/lib", "/bin", "/sbin", "/home");

    private ComposeChecks() {
    }

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
        Map<String, YNode> networks = root.get("networks").map(YNode::entries).orElse(Map.of());
        // One-shot services (a migration, say): other services wait for them to exit 0 (depends_on condition
        // service_completed_successfully), so they have nothing to health-check and must not restart.
        java.util.Set<String> oneShots = new java.util.HashSet<>();
        for (YNode service : services.values()) {
            service.get("depends_on").filter(YNode::isMap).ifPresent(deps -> deps.entries().forEach((dep, spec) -> {
                if (spec.get("condition").flatMap(YNode::text).map(COMPLETED::equals).orElse(false)) {
                    oneShots.add(dep);
                }
            }));
        }
        for (Map.Entry<String, YNode> entry : services.entrySet()) {
            String name = entry.getKey();
            YNode s = entry.getValue();
            int line = root.get("services").get().keyLine(name);
            boolean database = isDatabase(name, s);

            // CP001 read-only root with a tmpfs /tmp
            if (!"true".equals(s.get("read_only").map(n -> n.textOr("")).orElse(""))) {
                findings.add(new Finding(Rule.CP001, file, s.keyLine("read_only") == s.line() ? line : s.keyLine("read_only"),
                        "service " + name + " has a writable root filesystem"));
            } else if (s.get("tmpfs").map(t -> t.texts().stream().noneMatch(x -> x.equals("/tmp") || x.startsWith("/tmp:")))
                    .orElse(true)) {
                findings.add(new Finding(Rule.CP001, file, line, "service " + name + " is read-only but has no tmpfs for /tmp"));
            }
            // CP002 capabilities
            List<String> drop = s.get("cap_drop").map(YNode::texts).orElse(List.of());
            if (!drop.contains("ALL")) {
                findings.add(new Finding(Rule.CP002, file, s.get("cap_drop").map(YNode::line).orElse(line),
                        "service " + name + " keeps Docker's default capabilities (no cap_drop: [ALL])"));
            }
            s.get("cap_add").ifPresent(add -> findings.add(new Finding(Rule.CP002, file, s.keyLine("cap_add"),
                    "service " + name + " adds capabilities " + add.texts())));
            // CP003 no-new-privileges; CP005 seccomp
            List<String> securityOpt = s.get("security_opt").map(YNode::texts).orElse(List.of());
            if (securityOpt.stream().noneMatch(o -> o.replace('=', ':').equals("no-new-privileges:true")
                    || o.equals("no-new-privileges"))) {
                findings.add(new Finding(Rule.CP003, file, s.get("security_opt").map(YNode::line).orElse(line),
                        "service " + name + " can gain privileges (no no-new-privileges:true)"));
            }
            if (securityOpt.stream().anyMatch(o -> o.replace('=', ':').matches("(?i)(seccomp|apparmor):unconfined"))) {
                findings.add(new Finding(Rule.CP005, file, s.keyLine("security_opt"), "service " + name
                        + " runs unconfined"));
            }
            // CP004 user
            Optional<String> user = s.get("user").flatMap(YNode::text);
            if (user.isEmpty()) {
                findings.add(new Finding(Rule.CP004, file, line, "service " + name + " sets no user: it runs as the"
                        + " image's user, often root"));
            } else if (!user.get().matches("\\d+(:\\d+)?") || user.get().split(":")[0].equals("0")) {
                findings.add(new Finding(Rule.CP004, file, s.keyLine("user"), "service " + name + " runs as user \""
                        + user.get() + "\": use a numeric id above 0"));
            }
            // CP005 privileged and host namespaces
            if ("true".equals(s.get("privileged").flatMap(YNode::text).orElse(""))) {
                findings.add(new Finding(Rule.CP005, file, s.keyLine("privileged"), "service " + name + " is privileged"));
            }
            for (String key : List.of("network_mode", "pid", "ipc", "userns_mode", "uts", "cgroup")) {
                if (s.get(key).flatMap(YNode::text).map(v -> v.equals("host")).orElse(false)) {
                    findings.add(new Finding(Rule.CP005, file, s.keyLine(key), "service " + name + " shares the host's "
                            + key.replace("_mode", "") + " namespace"));
                }
            }
            s.get("devices").filter(d -> !d.items().isEmpty() || d.isScalar()).ifPresent(d -> findings.add(new Finding(
                    Rule.CP005, file, s.keyLine("devices"), "service " + name + " gets host devices " + d.texts())));
            for (String option : s.get("security_opt").map(YNode::texts).orElse(List.of())) {
                String o = option.replace('=', ':');
                if (o.equals("systempaths:unconfined") || o.equals("label:disable") || o.equals("label:type:spc_t")) {
                    findings.add(new Finding(Rule.CP005, file, s.keyLine("security_opt"), "service " + name
                            + " turns a confinement off (security_opt " + option + ")"));
                }
            }
            // CP006 database exposure; CP007 host interface
            List<YNode> ports = s.get("ports").map(YNode::items).orElse(List.of());
            if (database && !ports.isEmpty()) {
                findings.add(new Finding(Rule.CP006, file, s.keyLine("ports"), "database service " + name
                        + " publishes ports " + s.get("ports").get().texts()));
            }
            for (YNode port : ports) {
                String spec = port.isMap() ? port.get("host_ip").flatMap(YNode::text).map(ip -> ip + ":x:x").orElse("x")
                        : port.textOr("");
                // 0.0.0.0 and :: are every interface, as no address at all.
                if (!spec.matches("(\\d{1,3}\\.){3}\\d{1,3}:.*|\\[[0-9a-fA-F:]+\\]:.*")
                        || spec.startsWith("0.0.0.0:") || spec.matches("\\[(0*:)*:?(0*:?)*\\]:.*")) {
                    findings.add(new Finding(Rule.CP007, file, port.line(), "service " + name + " publishes "
                            + port.textOr("a port") + " on every host interface"));
                }
            }
            // CP008 limits
            // A limit of 0 or -1 is no limit.
            boolean memory = limited(s.get("mem_limit")) || limited(s.at("deploy", "resources", "limits", "memory"));
            boolean cpus = limited(s.get("cpus")) || limited(s.at("deploy", "resources", "limits", "cpus"));
            boolean pids = limited(s.get("pids_limit")) || limited(s.at("deploy", "resources", "limits", "pids"));
            if (!memory || !cpus || !pids) {
                List<String> missing = new ArrayList<>();
                if (!memory) {
                    missing.add("memory");
                }
                if (!cpus) {
                    missing.add("cpus");
                }
                if (!pids) {
                    missing.add("pids");
                }
                findings.add(new Finding(Rule.CP008, file, line, "service " + name + " has no " + String.join(", ", missing)
                        + " limit"));
            }
            // CP009 healthchecks and healthy dependencies
            Optional<YNode> health = s.get("healthcheck");
            if (oneShots.contains(name)) {
                String restart = s.get("restart").flatMap(YNode::text).orElse("no");
                if (!restart.equals("no") && !restart.startsWith("on-failure")) {
                    findings.add(new Finding(Rule.CP009, file, s.keyLine("restart"), "service " + name + " is a one-shot"
                            + " (another service waits for it to complete) but restart: " + restart + " starts it again"
                            + " after it completes: use restart: \"no\""));
                }
            } else if (health.isEmpty()
                    || health.get().get("disable").flatMap(YNode::text).map("true"::equals).orElse(false)) {
                findings.add(new Finding(Rule.CP009, file, line, "service " + name + " has no healthcheck"));
            }
            s.get("depends_on").ifPresent(deps -> {
                if (deps.isList()) {
                    for (String dep : deps.texts()) {
                        findings.add(new Finding(Rule.CP009, file, deps.line(), "service " + name + " starts when " + dep
                                + " starts, not when it is healthy: use condition: service_healthy"));
                    }
                } else {
                    deps.entries().forEach((dep, spec) -> {
                        String condition = spec.get("condition").flatMap(YNode::text).orElse("");
                        if (!condition.equals("service_healthy") && !condition.equals(COMPLETED)) {
                            findings.add(new Finding(Rule.CP009, file, deps.keyLine(dep), "service " + name + " does not"
                                    + " wait for " + dep + " to be healthy (condition: service_healthy; for a one-shot,"
                                    + " service_completed_successfully)"));
                        }
                    });
                }
            });
            // CP010 user-defined networks; CP006 internal only for databases
            List<String> attached = s.get("networks").map(n -> n.isMap() ? List.copyOf(n.entries().keySet()) : n.texts())
                    .orElse(List.of());
            if (attached.isEmpty() && s.get("network_mode").isEmpty()) {
                findings.add(new Finding(Rule.CP010, file, line, "service " + name + " uses the default network"));
            }
            for (String net : attached) {
                if (!networks.containsKey(net)) {
                    findings.add(new Finding(Rule.CP010, file, s.keyLine("networks"), "service " + name
                            + " joins network " + net + ", which is not declared"));
                } else if (database && !networks.get(net).get("internal").flatMap(YNode::text).map("true"::equals).orElse(false)) {
                    findings.add(new Finding(Rule.CP006, file, s.keyLine("networks"), "database service " + name
                            + " joins network " + net + ", which is not internal: true"));
                }
            }
            if (database && attached.isEmpty()) {
                findings.add(new Finding(Rule.CP006, file, line, "database service " + name + " is on the default"
                        + " network, which is not internal"));
            }
            // CP011 mounts
            for (YNode volume : s.get("volumes").map(YNode::items).orElse(List.of())) {
                String source = volume.isMap() ? volume.get("source").flatMap(YNode::text).orElse("")
                        : volume.textOr("").split(":")[0];
                String normalized = source.replaceAll("/+$", "");
                if (source.contains("docker.sock") || (source.startsWith("/") && SENSITIVE.contains(normalized.isEmpty() ? "/" : normalized))) {
                    findings.add(new Finding(Rule.CP011, file, volume.line(), "service " + name + " mounts the host's "
                            + source));
                }
            }
            // CP012 secret literals
            for (EnvVar var : environment(s)) {
                if (io.github.hardenedcontainer.model.SecretNames.holdsSecret(var.key()) && !var.value().isEmpty()
                        && !var.value().matches("\\$\\{[^}]+}")) {
                    findings.add(new Finding(Rule.CP012, file, var.line(), "service " + name + " sets " + var.key()
                            + " to a literal value"));
                } else if (io.github.hardenedcontainer.model.SecretNames.valueHoldsSecret(var.value())) {
                    findings.add(new Finding(Rule.CP012, file, var.line(), "service " + name + " has a password"
                            + " inside the value of " + var.key() + " (in a URL, a password= parameter or a"
                            + " -D...password option)"));
                }
            }
            // CP013 restart
            // "no" is Docker's default, not a policy; a one-shot must use it (CP009 above).
            boolean restarts = s.get("restart").flatMap(YNode::text).map(r -> !r.equals("no")).orElse(false)
                    || s.at("deploy", "restart_policy", "condition").flatMap(YNode::text).map(c -> !c.equals("none"))
                            .orElse(s.at("deploy", "restart_policy").isPresent());
            if (!restarts && !oneShots.contains(name)) {
                findings.add(new Finding(Rule.CP013, file, s.keyLine("restart") == s.line() ? line : s.keyLine("restart"),
                        "service " + name + " has no restart policy (restart: \"no\" is none)"));
            }
        }
        return findings;
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

    /**
     * A database is recognised by its image's name (the default of a ${VAR:-image} reference; registry, path, tag
     * and digest ignored) or by a service name such as db or postgres. A service that is built here is an
     * application, never a database.
     */
    /** The depends_on condition of a one-shot dependency: it exited 0. */
    private static final String COMPLETED = "service_completed_successfully";

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
