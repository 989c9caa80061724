package io.github.hardenedcontainer.generate;

import io.github.hardenedcontainer.data.ProductData;
import io.github.hardenedcontainer.detect.DatabaseDetector;
import io.github.hardenedcontainer.detect.FrameworkDetector;
import io.github.hardenedcontainer.model.BuildMode;
import io.github.hardenedcontainer.model.DatabaseKind;
import io.github.hardenedcontainer.model.Framework;
import io.github.hardenedcontainer.model.ImagePins;
import io.github.hardenedcontainer.model.ImageReference;
import io.github.hardenedcontainer.model.InvalidConfigurationException;
import io.github.hardenedcontainer.model.ModuleFacts;
import io.github.hardenedcontainer.model.OutputFile;
import io.github.hardenedcontainer.model.Pipeline;
import io.github.hardenedcontainer.model.Problem;
import io.github.hardenedcontainer.model.ReactorFacts;
import io.github.hardenedcontainer.model.RepositoryModel;
import io.github.hardenedcontainer.model.JvmProfile;
import io.github.hardenedcontainer.model.SecretNames;
import io.github.hardenedcontainer.model.RuntimeKind;
import io.github.hardenedcontainer.model.ServiceModel;
import io.github.hardenedcontainer.model.Setting;
import io.github.hardenedcontainer.model.Settings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns the raw facts and settings into a {@link RepositoryModel}, collecting every problem before failing.
 * Modules that cannot run (packaging {@code pom}, or a library without a main class inside a reactor) are
 * skipped and reported through the given log callback.
 */
public final class ConfigurationValidator {

    static final int DEFAULT_ID = Integer.parseInt(Setting.UID.defaultValue());
    static final int DEFAULT_PORT = Integer.parseInt(Setting.PORT.defaultValue());

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern JAVA_CLASS = Pattern.compile(
            "(?:[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*\\.)*[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
    private static final Pattern HTTP_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");
    private static final Pattern IMAGE_NAME = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern REGISTRY = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::[0-9]{1,5})?");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern JVM_OPTION = Pattern.compile("-[A-Za-z0-9:+=._/%,-]+");
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]*[kmg]");
    private static final Pattern ENV_ENTRY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=[^\\n\\r]*");
    /** A GitHub secret name: letters, digits and _, not starting with a digit, GITHUB_ reserved but for the token. */
    private static final Pattern SECRET_REFERENCE = Pattern.compile("GITHUB_TOKEN|(?!GITHUB_)(?i:[A-Z_][A-Z0-9_]*)");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");
    /** The first release that can write a dynamic CDS archive at exit ({@code -XX:ArchiveClassesAtExit}). */
    static final int DYNAMIC_CDS_RELEASE = 13;
    private static final Pattern CPUS = Pattern.compile("(?:[0-9]+\\.[0-9]*[1-9][0-9]*|[0-9]*[1-9][0-9]*(?:\\.[0-9]+)?)");

    private final Consumer<String> info;

    public ConfigurationValidator(Consumer<String> info) {
        this.info = info;
    }

    /** Validates everything and builds the model, or throws with all problems found. */
    public RepositoryModel validate(ReactorFacts reactor) throws InvalidConfigurationException {
        List<Problem> problems = new ArrayList<>(reactor.problems());
        Settings shared = reactor.settings();
        boolean multiModule = reactor.modules().stream().anyMatch(m -> !m.isRoot());

        List<ServiceModel> services = new ArrayList<>();
        for (ModuleFacts module : reactor.modules()) {
            String where = module.isRoot() ? "" : " (module " + module.relativePath() + ")";
            if (module.skip()) {
                info.accept("Skipping " + module.artifactId() + where + ": <skip>true</skip> in its configuration");
                continue;
            }
            boolean quarkus = FrameworkDetector.isQuarkus(module);
            if (!"jar".equals(module.packaging()) && !(quarkus && "quarkus".equals(module.packaging()))) {
                if (multiModule) {
                    info.accept("Skipping " + module.artifactId() + where + ": packaging " + module.packaging()
                            + " is not a runnable jar");
                    continue;
                }
                problems.add(new Problem("<packaging>" + where, module.packaging(),
                        "only jar modules (and Quarkus applications) can be containerized: set"
                                + " <packaging>jar</packaging> and a main class, or run the plugin on a jar module"));
                continue;
            }
            if (quarkus && module.quarkusPackageType() != null
                    && !FrameworkDetector.QUARKUS_JAR_TYPES.contains(module.quarkusPackageType())) {
                problems.add(new Problem("<quarkus.package.jar.type>" + where, module.quarkusPackageType(),
                        "the image build lays out Quarkus's fast-jar (the default) or its uber-jar: set"
                                + " quarkus.package.jar.type to fast-jar or uber-jar (in the POM's properties or"
                                + " application.properties)"));
                continue;
            }
            // A Quarkus application always starts at Quarkus's runner (the fast-jar's, or the uber-jar's generated
            // main); other modules name their main class.
            String mainClass = firstNonBlank(module.settings().mainClass(),
                    !quarkus ? null : FrameworkDetector.isQuarkusUberJar(module) ? FrameworkDetector.QUARKUS_UBER_MAIN
                            : FrameworkDetector.QUARKUS_ENTRY_POINT,
                    module.mainClassCandidates().isEmpty() ? null : module.mainClassCandidates().get(0));
            if (mainClass == null && multiModule) {
                info.accept("Skipping " + module.artifactId() + where + ": no main class (a library module);"
                        + " set <mainClass> in its hardened-container-maven-plugin configuration to containerize it");
                continue;
            }
            ServiceModel service = service(module, multiModule, mainClass, problems, where, reactor.pins());
            Framework framework = service.framework();
            if (framework.kind() != Framework.Kind.PLAIN) {
                info.accept("Detected " + framework.describe() + " in " + module.artifactId() + where + ": main class "
                        + mainClass + "; " + framework.layout() + "; probes " + service.healthPath() + " and "
                        + service.readinessPath());
            }
            services.add(service);
        }
        if (services.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("<modules>", null, "no runnable jar module was found in the reactor:"
                    + " set <mainClass> in the plugin configuration of the module to containerize"));
        }

        String registry = shared.text(Setting.REGISTRY);
        if (!REGISTRY.matcher(registry).matches()) {
            problems.add(new Problem("<registry>", registry,
                    "must be a registry host name, optionally with a port, such as ghcr.io or registry.example.com:5000"));
        }
        Pipeline pipeline = pipeline(shared, registry, problems);
        Set<OutputFile> excluded = EnumSet.noneOf(OutputFile.class);
        for (String path : shared.excludes()) {
            String trimmed = path.trim();
            OutputFile.byPath(trimmed).ifPresentOrElse(excluded::add, () -> problems.add(new Problem("<excludes>",
                    trimmed, "is not a generated file: name one of " + knownPaths())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        String ciJava = services.stream().map(ServiceModel::javaVersion).max((a, b) -> Integer.compare(
                Integer.parseInt(a), Integer.parseInt(b))).orElse("17");
        java.util.TreeSet<String> sourceDirs = new java.util.TreeSet<>();
        services.forEach(service -> sourceDirs.addAll(service.sourceDirs()));
        return new RepositoryModel(services, multiModule, reactor.modulePoms(), List.copyOf(sourceDirs),
                reactor.mavenWrapper(), reactor.mavenConfig(), pipeline, ciJava, excluded);
    }

    /** The workflow's gate and publishing settings; a bad secret name or branch, or a missing credential, is a problem. */
    static Pipeline pipeline(Settings shared, String registry, List<Problem> problems) {
        String user = blankToNull(shared.text(Setting.REGISTRY_USERNAME_SECRET));
        String password = blankToNull(shared.text(Setting.REGISTRY_PASSWORD_SECRET));
        String settings = blankToNull(shared.text(Setting.MAVEN_SETTINGS_SECRET));
        for (String[] secret : new String[][] {{"<registryUsernameSecret>", user}, {"<registryPasswordSecret>", password},
                {"<mavenSettingsSecret>", settings}}) {
            if (secret[1] != null && !SECRET_REFERENCE.matcher(secret[1]).matches()) {
                problems.add(new Problem(secret[0], secret[1], "must be the name of a repository secret (letters,"
                        + " digits and _, not starting with a digit or GITHUB_ unless it is GITHUB_TOKEN), such as"
                        + " REGISTRY_TOKEN"));
            }
        }
        if (REGISTRY.matcher(registry).matches() && !Pipeline.GHCR.equals(registry) && (user == null || password == null)) {
            problems.add(new Problem("<registry>", registry, "is not ghcr.io, and the workflow's own token logs in"
                    + " to GHCR only: name the repository secrets that hold this registry's credentials in"
                    + " <registryUsernameSecret> and <registryPasswordSecret>"));
        }
        List<String> branches = new ArrayList<>();
        for (String branch : shared.releaseBranches()) {
            String b = branch.strip();
            if (!BRANCH.matcher(b).matches() || b.contains("..") || b.endsWith(".lock") || b.endsWith("/")) {
                problems.add(new Problem("<releaseBranches>", branch, "each must be a branch name, such as main or"
                        + " release/2026 (no spaces, wildcards or ..)"));
            } else if (!branches.contains(b)) {
                branches.add(b);
            }
        }
        String unfixed = shared.text(Setting.IGNORE_UNFIXED);
        if (!unfixed.equals("true") && !unfixed.equals("false")) {
            problems.add(new Problem("<ignoreUnfixed>", unfixed, "must be true or false"));
        }
        if ("GITHUB_TOKEN".equals(settings)) {
            problems.add(new Problem("<mavenSettingsSecret>", settings, "must name a repository secret that holds a"
                    + " settings.xml, such as MAVEN_SETTINGS_XML"));
        }
        return new Pipeline(registry, user, password == null ? "GITHUB_TOKEN" : password, !"false".equals(unfixed),
                branches, settings);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The stated {@code <environment>} entries as name to value, in order; a malformed entry, a secret's name or a
     * {@code $} in a value is a problem.
     */
    static Map<String, String> environment(List<String> entries, String where, List<Problem> problems) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (!ENV_ENTRY.matcher(e).matches()) {
                problems.add(new Problem("<environment>" + where, entry, "each must be NAME=value (a variable name"
                        + " of letters, digits and _), such as SPRING_PROFILES_ACTIVE=prod"));
                continue;
            }
            String name = e.substring(0, e.indexOf('='));
            String value = e.substring(e.indexOf('=') + 1);
            if (SecretNames.holdsSecret(name)) {
                problems.add(new Problem("<environment>" + where, entry, "looks like a secret, and compose.yaml is"
                        + " committed: give the service the secret as a file (a Compose secret under /run/secrets),"
                        + " never as a value"));
            } else if (value.contains("$")) {
                problems.add(new Problem("<environment>" + where, entry, "holds a $, which Compose reads as a"
                        + " variable: state the literal value"));
            } else if (found.put(name, value) != null) {
                problems.add(new Problem("<environment>" + where, entry, "names " + name + " twice: keep one"));
            }
        }
        return found;
    }


    private ServiceModel service(ModuleFacts module, boolean multiModule, String mainClass, List<Problem> problems,
            String where, ImagePins pins) {
        Settings s = module.settings();
        ProductData data = ProductData.get();

        if (mainClass == null) {
            problems.add(new Problem("<mainClass>" + where, null, "no main class is configured and none was found in"
                    + " the maven-jar-plugin manifest, exec-maven-plugin or maven-shade-plugin configuration:"
                    + " set <mainClass>com.example.Main</mainClass> (or -Dhardened.mainClass)"));
        } else if (!JAVA_CLASS.matcher(mainClass).matches()) {
            problems.add(new Problem("<mainClass>" + where, mainClass,
                    "must be a fully qualified Java class name, such as com.example.Main"));
        }

        String javaVersion = firstNonBlank(s.javaVersion(), normalizeRelease(module.javaRelease()), "17");
        if (!javaVersion.matches("[0-9]{1,3}") || Integer.parseInt(javaVersion) < 11) {
            problems.add(new Problem("<javaVersion>" + where, javaVersion,
                    "must be a Java feature release of 11 or later, such as 17 or 21"));
            javaVersion = "17";
        }

        ImageReference builder = pins.apply(image("<builderImage>" + where, firstNonBlank(s.builderImage(),
                data.defaultValue("builder.image", javaVersion)), problems));
        RuntimeKind runtimeKind = RuntimeKind.JLINK;
        if (!isBlank(s.runtime())) {
            runtimeKind = RuntimeKind.parse(s.runtime().trim().toLowerCase(Locale.ROOT)).orElseGet(() -> {
                problems.add(new Problem("<runtime>" + where, s.runtime(),
                        "must be jlink (a Java runtime linked for the application, on a minimal base image)"
                                + " or jre (the Java runtime of the runtime image)"));
                return RuntimeKind.JLINK;
            });
        }
        ImageReference runtime = pins.apply(image("<runtimeImage>" + where, firstNonBlank(s.runtimeImage(),
                data.defaultValue(runtimeKind == RuntimeKind.JLINK ? "runtime.image.jlink" : "runtime.image",
                        javaVersion)), problems));
        List<String> jlinkModules = modules("<jlinkModules>" + where, s.jlinkModules(), problems);
        // Not set: the default modules; "none": no extra module.
        boolean addNone = s.jlinkAddModules() != null && s.jlinkAddModules().size() == 1
                && s.jlinkAddModules().get(0).trim().equalsIgnoreCase("none");
        List<String> jlinkAddModules = addNone ? List.of()
                : s.jlinkAddModules() == null || s.jlinkAddModules().isEmpty() ? defaultAddModules(javaVersion)
                : modules("<jlinkAddModules>" + where, s.jlinkAddModules(), problems);
        List<String> jlinkExclude = modules("<jlinkExcludeModules>" + where, s.jlinkExcludeModules(), problems);
        for (String m : jlinkExclude) {
            if (jlinkAddModules.contains(m) || jlinkModules.contains(m) || m.equals("java.base")) {
                problems.add(new Problem("<jlinkExcludeModules>" + where, m, "is also a module to link"
                        + (m.equals("java.base") ? " (java.base is always linked)" : " (<jlinkModules> or"
                        + " <jlinkAddModules>)") + ": remove it from one of the lists"));
            }
        }
        if (runtimeKind == RuntimeKind.JRE && (!jlinkModules.isEmpty() || !jlinkExclude.isEmpty()
                || s.jlinkAddModules() != null && !s.jlinkAddModules().isEmpty())) {
            info.accept("Ignoring the <jlink...Modules> settings" + where + ": they apply to <runtime>jlink</runtime>,"
                    + " and the runtime is jre");
        }
        boolean aotCache = true;
        if (!isBlank(s.aotCache())) {
            String value = s.aotCache().trim().toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                aotCache = value.equals("true");
            } else {
                problems.add(new Problem("<aotCache>" + where, s.aotCache(), "must be true (train the application"
                        + " at image build time and start from the cache) or false"));
            }
        }
        if (aotCache && javaVersion.matches("[0-9]{1,3}") && Integer.parseInt(javaVersion) < DYNAMIC_CDS_RELEASE) {
            if (!isBlank(s.aotCache())) {
                problems.add(new Problem("<aotCache>" + where, s.aotCache(), "needs Java " + DYNAMIC_CDS_RELEASE
                        + " or later (Java " + javaVersion + " cannot write a class-data archive at exit):"
                        + " set <javaVersion> to 17 or later, or leave <aotCache> out"));
            }
            aotCache = false;
        }
        List<String> trainingPaths = new ArrayList<>();
        for (String p : s.aotTrainingPaths()) {
            String trimmed = p.trim();
            if (!HTTP_PATH.matcher(trimmed).matches()) {
                problems.add(new Problem("<aotTrainingPaths>" + where, p, "each must be an HTTP path starting with /"
                        + " (letters, digits and . _ ~ - / only), such as /api/items/1"));
            } else if (!trainingPaths.contains(trimmed)) {
                trainingPaths.add(trimmed);
            }
        }

        DatabaseKind database = DatabaseDetector.detect(module.dependencies());
        if (!isBlank(s.database())) {
            String value = s.database().trim().toLowerCase(Locale.ROOT);
            database = DatabaseKind.parse(value).orElseGet(() -> {
                problems.add(new Problem("<database>" + where, s.database(),
                        "must be postgres or none (or left out to detect it from the dependencies)"));
                return DatabaseKind.NONE;
            });
        }
        ImageReference postgres = database == DatabaseKind.POSTGRES
                ? pins.apply(image("<postgresImage>" + where, firstNonBlank(s.postgresImage(),
                        data.defaultValue("postgres.image", javaVersion)), problems))
                : null;

        BuildMode buildMode = BuildMode.DOCKER;
        if (!isBlank(s.buildMode())) {
            buildMode = BuildMode.parse(s.buildMode().trim().toLowerCase(Locale.ROOT)).orElseGet(() -> {
                problems.add(new Problem("<buildMode>" + where, s.buildMode(),
                        "must be docker (build the jar in the Dockerfile's builder stage) or prebuilt"
                                + " (copy target/ outputs built outside Docker)"));
                return BuildMode.DOCKER;
            });
        }

        int uid = id("<uid>" + where, s.uid(), problems);
        int gid = id("<gid>" + where, s.gid(), problems);
        int port = port("<port>" + where, s.port(), problems);
        String host = s.text(Setting.HOST_ADDRESS);
        if (!IPV4.matcher(host).matches()) {
            problems.add(new Problem("<hostAddress>" + where, host, "must be an IPv4 address of a host interface:"
                    + " 127.0.0.1 (the default) publishes on loopback only"));
        }
        List<String> trainingEnv = new ArrayList<>();
        for (String entry : s.aotTrainingEnv()) {
            String e = entry.strip();
            if (!ENV_ENTRY.matcher(e).matches()) {
                problems.add(new Problem("<aotTrainingEnv>" + where, entry, "each must be NAME=value (a variable"
                        + " name of letters, digits and _), such as DATABASE_URL=postgres://training@127.0.0.1:9/none"));
            } else if (SecretNames.holdsSecret(e.substring(0, e.indexOf('=')))) {
                problems.add(new Problem("<aotTrainingEnv>" + where, entry, "looks like a secret, and the training"
                        + " run's command line stays in the image history: train without it (the service should"
                        + " start without its dependencies)"));
            } else {
                trainingEnv.add(e);
            }
        }
        Framework framework = FrameworkDetector.detect(module, port, database == DatabaseKind.POSTGRES)
                .withEnvironment(environment(s.environment(), where, problems));
        // A stated path always wins; else the framework's health module's, else the defaults.
        String health = path("<healthPath>" + where, firstNonBlank(s.healthPath(), framework.healthPath(),
                s.text(Setting.HEALTH_PATH)), problems);
        String readiness = path("<readinessPath>" + where, firstNonBlank(s.readinessPath(), framework.readinessPath(),
                s.text(Setting.READINESS_PATH)), problems);
        // The training run always requests the probes; the configured paths come after them.
        List<String> training = new ArrayList<>(List.of(health, readiness));
        trainingPaths.stream().filter(p -> !training.contains(p)).forEach(training::add);
        for (String option : s.jvmOptions()) {
            if (!JVM_OPTION.matcher(option).matches()) {
                problems.add(new Problem("<jvmOptions>" + where, option, "must be one JVM option starting with -,"
                        + " without spaces or quotes, such as -XX:+UseZGC or -Dfile.encoding=UTF-8"));
            }
        }
        String memory = s.text(Setting.MEMORY_LIMIT);
        if (!MEMORY.matcher(memory).matches()) {
            problems.add(new Problem("<memoryLimit>" + where, memory,
                    "must be a size with a unit k, m or g, such as 512m or 1g"));
        }
        String cpus = s.text(Setting.CPU_LIMIT);
        if (!CPUS.matcher(cpus).matches()) {
            problems.add(new Problem("<cpuLimit>" + where, cpus, "must be a positive number of CPUs, such as 1.0 or 0.5"));
        }
        int pids = positive("<pidsLimit>" + where, s.pidsLimit(), 256, 1_000_000, problems);

        String imageName = firstNonBlank(s.imageName(), module.artifactId().toLowerCase(Locale.ROOT));
        if (!IMAGE_NAME.matcher(imageName).matches()) {
            problems.add(new Problem("<imageName>" + where, imageName, "must be a lower-case image name"
                    + " (letters, digits, . _ - and / between parts), such as orders-service"));
        }
        String contextPath = multiModule ? relativeToRoot(module.relativePath()) : ".";
        return new ServiceModel(
                module.artifactId(), imageName, module.groupId(), module.artifactId(), module.version(),
                firstNonBlank(module.description(), module.name(), module.artifactId()),
                module.license(), module.scmUrl(), module.relativePath(), contextPath, module.finalName(),
                mainClass, javaVersion, builder, runtime, postgres, uid, gid, port, host, health, readiness,
                s.jvmOptions(), jvmProfile(s.jvmProfile(), where, problems), database, buildMode, memory, cpus, pids, module.sourceDirs(), runtimeKind,
                jlinkModules, jlinkAddModules, jlinkExclude, aotCache, training, trainingEnv, framework,
                appArgs(module, where, problems), migrationArgs(s.migrationArgs(), database, where, problems),
                jarName(s.jarName(), where, problems), flag("<kubernetes>" + where, s.kubernetes(), false, problems));
    }

    /** The stated JVM profile, {@code footprint} when not set. */
    private static JvmProfile jvmProfile(String stated, String where, List<Problem> problems) {
        if (isBlank(stated)) {
            return JvmProfile.FOOTPRINT;
        }
        return JvmProfile.parse(stated.trim().toLowerCase(Locale.ROOT)).orElseGet(() -> {
            problems.add(new Problem("<jvmProfile>" + where, stated, "must be footprint (the C1 compiler alone and the"
                    + " serial collector: the least memory) or throughput (full tiered compilation: the most requests"
                    + " per second)"));
            return JvmProfile.FOOTPRINT;
        });
    }

    /** The stated jar file name, or {@code null}: a file name in {@code target/}, ending in {@code .jar}. */
    private static String jarName(String stated, String where, List<Problem> problems) {
        if (isBlank(stated)) {
            return null;
        }
        String name = stated.trim();
        if (!name.matches("[A-Za-z0-9._+-]+\\.jar")) {
            problems.add(new Problem("<jarName>" + where, stated, "must be the jar's file name in target/, ending in .jar"
                    + " (letters, digits and . _ + - only), such as orders-all.jar"));
            return null;
        }
        return name;
    }

    /**
     * The program arguments: as configured ({@code none} for none), else exec-maven-plugin's; never one that looks
     * like a secret.
     */
    private static List<String> appArgs(ModuleFacts module, String where, List<Problem> problems) {
        // Maven injects an empty list for an unset list parameter, so empty means "not stated"; none passes none.
        List<String> stated = module.settings().appArgs();
        List<String> args = stated == null || stated.isEmpty() ? module.execArguments()
                : stated.equals(List.of("none")) ? List.of() : stated;
        for (String arg : args) {
            if (SecretNames.mentionsSecret(arg)) {
                problems.add(new Problem("<appArgs>" + where, arg, "looks like a secret, and program arguments stay"
                        + " in the image configuration: pass it at run time as a file or an environment variable"));
            } else if (arg.contains("\n") || arg.contains("\r")) {
                problems.add(new Problem("<appArgs>" + where, arg, "must be one line"));
            }
        }
        return args;
    }

    /** The migration command's program arguments: one line each, no secrets, and a database to migrate. */
    private static List<String> migrationArgs(List<String> args, DatabaseKind database, String where,
            List<Problem> problems) {
        for (String arg : args) {
            if (SecretNames.mentionsSecret(arg)) {
                problems.add(new Problem("<migrationArgs>" + where, arg, "looks like a secret, and program arguments"
                        + " stay in compose.yaml: the migration command reads the database password as the app does"));
            } else if (arg.isBlank() || arg.contains("\n") || arg.contains("\r")) {
                problems.add(new Problem("<migrationArgs>" + where, arg, "must be one non-blank line"));
            }
        }
        if (!args.isEmpty() && database != DatabaseKind.POSTGRES) {
            problems.add(new Problem("<migrationArgs>" + where, String.join(" ", args), "runs database migrations,"
                    + " but the service has no database (<database>none</database>, or no PostgreSQL client found):"
                    + " remove it or set <database>postgres</database>"));
        }
        return args;
    }

    /** Modules added to what jdeps finds unless configured: the ones applications load only by name. */
    static List<String> defaultAddModules(String javaVersion) {
        // jdk.naming.dns: JNDI DNS lookups (found by name, so jdeps cannot see it). jdk.zipfs: the zip file system
        // provider, a service behind FileSystems.newFileSystem, with which frameworks (Micronaut, for one) read
        // their metadata out of jars: without it they fail at start with ProviderNotFoundException. jdk.crypto.ec:
        // elliptic-curve TLS before Java 22, which moved it into java.base.
        boolean old = javaVersion.matches("[0-9]{1,3}") && Integer.parseInt(javaVersion) < 22;
        return old ? List.of("jdk.crypto.ec", "jdk.naming.dns", "jdk.zipfs") : List.of("jdk.naming.dns", "jdk.zipfs");
    }

    private static List<String> modules(String element, List<String> values, List<Problem> problems) {
        List<String> result = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String m = part.trim();
                if (m.isEmpty()) {
                    continue;
                }
                if (!MODULE.matcher(m).matches()) {
                    problems.add(new Problem(element, part, "each must be a Java module name, such as java.sql or"
                            + " jdk.crypto.ec (list them with: java --list-modules)"));
                } else if (!result.contains(m)) {
                    result.add(m);
                }
            }
        }
        return result;
    }

    private static String relativeToRoot(String modulePath) {
        if (modulePath.isEmpty()) {
            return ".";
        }
        StringBuilder up = new StringBuilder("..");
        for (int i = 0; i < modulePath.length(); i++) {
            if (modulePath.charAt(i) == '/') {
                up.append("/..");
            }
        }
        return up.toString();
    }

    private static ImageReference image(String element, String value, List<Problem> problems) {
        ImageReference.Result result = ImageReference.parse(value.trim());
        if (result.reference().isEmpty()) {
            problems.add(new Problem(element, value, result.error()));
            return null;
        }
        return result.reference().get();
    }

    private static int id(String element, String value, List<Problem> problems) {
        if (isBlank(value)) {
            return DEFAULT_ID;
        }
        String v = value.trim();
        String tag = element.substring(1, element.indexOf('>'));
        String fix = "must be a numeric id above 0: set <" + tag + ">" + DEFAULT_ID + "</" + tag + "> or leave it out";
        if (!INTEGER.matcher(v).matches()) {
            problems.add(new Problem(element, value, fix + " (names such as root are not accepted: a numeric id"
                    + " lets the runtime check non-root without a user database)"));
            return DEFAULT_ID;
        }
        long id = parseLong(v);
        if (id <= 0 || id > 2_147_483_646L) {
            problems.add(new Problem(element, value, id == 0 ? fix + " (0 is root)" : fix));
            return DEFAULT_ID;
        }
        return (int) id;
    }

    private static int port(String element, String value, List<Problem> problems) {
        if (isBlank(value)) {
            return DEFAULT_PORT;
        }
        String v = value.trim();
        long port = INTEGER.matcher(v).matches() ? parseLong(v) : -1;
        if (port < 1 || port > 65535) {
            problems.add(new Problem(element, value, "must be a TCP port from 1 to 65535, such as 8080"));
            return DEFAULT_PORT;
        }
        return (int) port;
    }

    /** A true/false switch; the default when not set. */
    private static boolean flag(String element, String value, boolean defaultValue, List<Problem> problems) {
        if (isBlank(value)) {
            return defaultValue;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problems.add(new Problem(element, value, "must be true or false"));
            return defaultValue;
        }
        return v.equals("true");
    }

    private static int positive(String element, String value, int defaultValue, int max, List<Problem> problems) {
        if (isBlank(value)) {
            return defaultValue;
        }
        String v = value.trim();
        long n = INTEGER.matcher(v).matches() ? parseLong(v) : -1;
        if (n < 1 || n > max) {
            problems.add(new Problem(element, value, "must be a whole number from 1 to " + max + ", such as " + defaultValue));
            return defaultValue;
        }
        return (int) n;
    }

    private static long parseLong(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static String path(String element, String value, List<Problem> problems) {
        if (!HTTP_PATH.matcher(value).matches()) {
            problems.add(new Problem(element, value, "must be an HTTP path starting with / (letters, digits and"
                    + " . _ ~ - / only), such as /health"));
        }
        return value;
    }

    private static String normalizeRelease(String release) {
        if (release == null) {
            return null;
        }
        String r = release.trim();
        return r.startsWith("1.") ? r.substring(2) : r;
    }

    private static String knownPaths() {
        StringBuilder names = new StringBuilder();
        for (OutputFile file : OutputFile.values()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(file.path());
        }
        return names.toString();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (!isBlank(value)) {
                return value.trim();
            }
        }
        return null;
    }
}
