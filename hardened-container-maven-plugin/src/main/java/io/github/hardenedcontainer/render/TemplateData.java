package io.github.hardenedcontainer.render;

import io.github.hardenedcontainer.data.ActionPin;
import io.github.hardenedcontainer.data.ProductData;
import io.github.hardenedcontainer.model.BuildMode;
import io.github.hardenedcontainer.model.Framework;
import io.github.hardenedcontainer.model.Pipeline;
import io.github.hardenedcontainer.model.RepositoryModel;
import io.github.hardenedcontainer.model.JvmProfile;
import io.github.hardenedcontainer.model.OutputFile;
import io.github.hardenedcontainer.model.RuntimeKind;
import io.github.hardenedcontainer.model.ServiceModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the data model the templates see. Plain maps, lists and strings only, so template authors need no
 * knowledge of the plugin's classes; the names below are the documented contract for template overrides.
 *
 * <pre>
 * repo.*     multiModule, mavenWrapper, mavenConfig, mvnCommand, registry, registryUsername, registryPassword (workflow
 *            expressions), ignoreUnfixed, mavenSettings (the settings.xml secret's expression, or empty),
 *            pushBranches (a YAML flow list), releaseCondition (an expression),
 *            ciJavaVersion, trivyVersion, modulePoms, sourceDirs,
 *            services (list of service maps), anyPostgres, prebuilt, pins (action name -> {uses, release}),
 *            kubernetesResources (the k8s/ files kustomization.yaml lists), autoscaler (whether the
 *            HorizontalPodAutoscaler is generated)
 * service.*  name, imageName, artifactId, description, license, scmUrl, modulePath, modulePrefix, contextPath,
 *            jarGlob, jarName, sourceDirs (the src directories its build needs), mainClass, javaVersion, builderImage, runtimeImage, postgresImage, uid, gid, port,
 *            hostAddress, healthPath, readinessPath, healthUrl, postgres, prebuilt, memoryLimit, cpuLimit,
 *            pidsLimit, entrypoint, healthcheck, composeHealthcheck (JSON array text), labels (name -> quoted value),
 *            jlink, jreHome, jlinkModules, jlinkAddModules (comma-separated), jlinkExcludeModules (space-separated), aotCache,
 *            javaFeatureCommand and builderFeatureCommand (shell commands printing the JDK's feature release in the
 *            training stage and in the builder), cacheArgFile, probeArgFile, probeJvm, probeJvmCached (JVM options),
 *            probeJar (whether the probe ships as a jar), probeTrainingCommand,
 *            argFile, trainingCommand, probeCommand (shell words), trainingUrls (space-separated),
 *            jarStated (a stated jarName), jarVersioned (jarName holds * for the built version),
 *            framework (what was detected, for comments), mavenArgs (extra builder arguments, with a leading space),
 *            excludedArtifacts (comma-separated), copiesDependencies, quarkusFastJar, quarkusUberJar, probeSource (the health
 *            probe's Java source, a single-quoted shell word per line), propertyFiles (whether the application
 *            starts through the PropertyFiles launcher) and launcherSource (its Java source, as probeSource),
 *            environment (the app service's Compose environment: name -> YAML scalar), appEnvVariable (whether
 *            it reads the APP_ENV variable), passwordSecret (the password's
 *            file name under /run/secrets), passwordSecretRenamed (whether that differs from the secret's name);
 *            with kubernetes: k8sName (the objects' name), k8sImage, k8sMemory and k8sCpu (Kubernetes quantities),
 *            k8sEnvironment (name -> YAML scalar, interpolation defaults resolved), k8sPasswordSecret (the Secret's
 *            name); stopGraceSeconds (how long a stopping container may drain, Compose and Kubernetes)
 * </pre>
 */
public final class TemplateData {

    /** The health probe's source ({@code probe/HealthProbe.java}), one single-quoted shell word per line. */
    static final List<String> PROBE_SOURCE = source("HealthProbe.java");
    /**
     * The launcher's source ({@code probe/PropertyFiles.java}), one single-quoted shell word per line: it sets the
     * system properties {@code JAVA_PROPERTY_FILES} names from their files, then calls the main class given as its
     * first argument with the others. For a framework that reads the database password only as a property
     * ({@link io.github.hardenedcontainer.model.Framework#passwordProperty}).
     */
    static final List<String> LAUNCHER_SOURCE = source("PropertyFiles.java");
    /** The launcher's class, started before the application's main class. */
    static final String LAUNCHER_CLASS = "PropertyFiles";

    private static List<String> source(String name) {
        try (java.io.InputStream in = TemplateData.class.getResourceAsStream("/io/github/hardenedcontainer/probe/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks probe/" + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(line -> "'" + line.replace("'", "'\\''") + "'").toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** JVM options that keep the health probe's own JVM small and quick. */
    static final List<String> PROBE_JVM = List.of("-Xss256k", "-Xmx16m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:-UsePerfData");

    /**
     * The probe's JVM options with its own AOT cache (Java 25 and the start-up cache on): the probe runs for a few
     * milliseconds of its own code, so the interpreter alone does it; the cache spares loading and linking the JDK
     * classes on every probe (the linked runtime has no default CDS archive then). Measured: about 190 ms of CPU
     * per probe without, 55 ms with (docs/performance.md).
     */
    static final List<String> PROBE_JVM_CACHED = List.of("-Xss256k", "-Xmx16m", "-Xint", "-XX:+UseSerialGC",
            "-XX:-UsePerfData");

    /**
     * JVM options every service starts with, before the user's own (a later option wins): sized from the
     * container's memory limit, the profile's compiler and collector ({@link #profileJvm}; docs/performance.md has
     * the measurements), exit on OutOfMemoryError so the container restarts, temporary files on the /tmp tmpfs.
     */
    static List<String> baseJvm(JvmProfile profile, String cpuLimit) {
        List<String> jvm = new ArrayList<>(List.of("-XX:MaxRAMPercentage=75.0"));
        jvm.addAll(profileJvm(profile, cpuLimit));
        jvm.addAll(List.of("-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp"));
        return jvm;
    }

    /**
     * The profile's compiler and collector. Footprint: C1 alone, serial collector. Throughput: full tiered
     * compilation; the serial collector below 2 CPUs (with one CPU a parallel or concurrent collector only adds
     * threads that compete with the application), the parallel collector from 2 CPUs.
     */
    static List<String> profileJvm(JvmProfile profile, String cpuLimit) {
        if (profile == JvmProfile.FOOTPRINT) {
            return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        }
        double cpus;
        try {
            cpus = Double.parseDouble(cpuLimit);
        } catch (NumberFormatException | NullPointerException e) {
            cpus = 1;
        }
        return List.of(cpus >= 2 ? "-XX:+UseParallelGC" : "-XX:+UseSerialGC");
    }

    /** Where the jlinked runtime lives in the image. */
    static final String JLINK_HOME = "/opt/jre";
    /** The argument file with the class path, in a fixed order (the start-up cache checks it). */
    static final String ARG_FILE = "/app/jvm.args";
    /**
     * The argument file with the start-up cache option, written by the training run for the JDK it runs on:
     * {@code -XX:AOTCache=/app/app.aot} on Java 25 and later, {@code -XX:SharedArchiveFile=/app/app.jsa} on 13-24.
     */
    static final String CACHE_ARG_FILE = "/app/cache.args";
    /** The argument file with the health probe's JVM options, its start-up cache (Java 25) and class path. */
    static final String PROBE_ARG_FILE = "/app/probe.args";
    /**
     * A shell command that prints the feature release of a JDK's {@code java} (25, 21, 17): its
     * {@code java.specification.version}. {@code %s} is the {@code java} command.
     */
    static final String JAVA_FEATURE = "%s -XshowSettings:properties -version > /tmp/java-settings 2>&1;"
            + " sed -n 's/^ *java\\.specification\\.version = //p' /tmp/java-settings"; // no pipe: DF012

    private TemplateData() {
    }

    /** The model for a repository-wide file. */
    public static Map<String, Object> forRepository(RepositoryModel repo) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("repo", repository(repo));
        return root;
    }

    /** The model for one service's files: the repository model given, plus {@code service}. */
    public static Map<String, Object> forService(Map<String, Object> repositoryModel, ServiceModel service) {
        Map<String, Object> root = new LinkedHashMap<>(repositoryModel);
        root.put("service", service(service));
        return root;
    }

    private static Map<String, Object> repository(RepositoryModel repo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("multiModule", repo.multiModule());
        m.put("mavenWrapper", repo.mavenWrapper());
        m.put("mvnCommand", repo.mavenWrapper() ? "./mvnw" : "mvn");
        Pipeline pipeline = repo.pipeline();
        m.put("registry", pipeline.registry());
        m.put("registryUsername", pipeline.usernameSecret() == null ? "${{ github.actor }}"
                : "${{ secrets." + pipeline.usernameSecret() + " }}");
        m.put("registryPassword", "${{ secrets." + pipeline.passwordSecret() + " }}");
        m.put("ignoreUnfixed", pipeline.ignoreUnfixed());
        m.put("mavenSettings", pipeline.mavenSettingsSecret() == null ? ""
                : "${{ secrets." + pipeline.mavenSettingsSecret() + " }}");
        // The branches whose pushes run the pipeline, and the publishing condition for them.
        List<String> branches = pipeline.releaseBranches().isEmpty() ? List.of("main", "master")
                : pipeline.releaseBranches();
        m.put("pushBranches", "[" + String.join(", ", branches.stream().map(TemplateData::yamlScalar).toList()) + "]");
        m.put("releaseCondition", pipeline.releaseBranches().isEmpty()
                ? "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
                : String.join(" || ", pipeline.releaseBranches().stream()
                        .map(b -> "github.ref == 'refs/heads/" + b + "'").toList()));
        m.put("ciJavaVersion", repo.ciJavaVersion());
        m.put("trivyVersion", ProductData.get().defaultValue("trivy.version", repo.ciJavaVersion()));
        m.put("modulePoms", repo.modulePoms());
        m.put("sourceDirs", repo.sourceDirs());
        m.put("mavenConfig", repo.mavenConfig());
        List<Map<String, Object>> services = new ArrayList<>();
        for (ServiceModel s : repo.services()) {
            services.add(service(s));
        }
        m.put("services", services);
        m.put("anyPostgres", repo.anyPostgres());
        // The Kubernetes files a service writes (those <excludes> does not leave out), for kustomization.yaml.
        m.put("kubernetesResources", java.util.Arrays.stream(OutputFile.values())
                .filter(f -> f.kubernetes() && f != OutputFile.K8S_KUSTOMIZATION && !repo.excluded().contains(f))
                .map(f -> f.path().substring(OutputFile.KUBERNETES_DIRECTORY.length())).toList());
        m.put("autoscaler", !repo.excluded().contains(OutputFile.K8S_AUTOSCALER));
        m.put("prebuilt", repo.services().stream().anyMatch(s -> s.buildMode() == BuildMode.PREBUILT));
        Map<String, Object> pins = new LinkedHashMap<>();
        for (ActionPin pin : ProductData.get().pins().values()) {
            pins.put(pin.action(), Map.of("uses", pin.uses(), "release", pin.release()));
        }
        m.put("pins", pins);
        return m;
    }

    private static Map<String, Object> service(ServiceModel s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("imageName", s.imageName());
        m.put("artifactId", s.artifactId());
        m.put("description", oneLine(s.description()));
        m.put("license", s.license() == null ? "" : oneLine(s.license()));
        m.put("scmUrl", s.scmUrl() == null ? "" : oneLine(s.scmUrl()));
        m.put("modulePath", s.modulePath());
        m.put("modulePrefix", s.modulePrefix());
        m.put("contextPath", s.contextPath());
        m.put("jarGlob", s.modulePrefix() + "target/" + jarGlob(s));
        m.put("jarName", s.jarName() != null ? s.jarName() : jarGlob(s));
        m.put("jarStated", s.jarName() != null);
        // The exact jar: the name with the version the build wrote (target/maven-archiver/pom.properties).
        m.put("jarVersioned", s.jarName() == null && jarGlob(s).contains("*"));
        m.put("sourceDirs", s.sourceDirs());
        m.put("mainClass", s.mainClass());
        m.put("javaVersion", s.javaVersion());
        m.put("builderImage", s.builderImage().toString());
        m.put("runtimeImage", s.runtimeImage().toString());
        m.put("postgresImage", s.postgresImage() == null ? "" : s.postgresImage().toString());
        m.put("uid", Integer.toString(s.uid()));
        m.put("gid", Integer.toString(s.gid()));
        m.put("port", Integer.toString(s.port()));
        m.put("hostAddress", s.hostAddress());
        m.put("healthPath", s.healthPath());
        m.put("readinessPath", s.readinessPath());
        String healthUrl = "http://127.0.0.1:" + s.port() + s.healthPath();
        m.put("healthUrl", healthUrl);
        m.put("postgres", s.postgres());
        m.put("prebuilt", s.buildMode() == BuildMode.PREBUILT);
        m.put("memoryLimit", s.memoryLimit());
        m.put("cpuLimit", s.cpuLimit());
        m.put("pidsLimit", Integer.toString(s.pidsLimit()));

        boolean jlink = s.runtime() == RuntimeKind.JLINK;
        String java = jlink ? JLINK_HOME + "/bin/java" : "java";
        m.put("jlink", jlink);
        m.put("jreHome", JLINK_HOME);
        m.put("jlinkModules", String.join(",", s.jlinkModules()));
        m.put("jlinkAddModules", String.join(",", s.jlinkAddModules()));
        m.put("jlinkExcludeModules", String.join(" ", s.jlinkExcludeModules()));
        m.put("aotCache", s.aotCache());
        // Which start-up cache (and whether the linked runtime gets a base class-data archive) is decided in the
        // image build by the JDK the builder actually has, not by <javaVersion>: an organisation's builder image
        // may hold another JDK than the release the project compiles for.
        m.put("javaFeatureCommand", JAVA_FEATURE.formatted(jlink ? JLINK_HOME + "/bin/java" : "java"));
        m.put("builderFeatureCommand", JAVA_FEATURE.formatted("java"));
        m.put("cacheArgFile", CACHE_ARG_FILE);
        m.put("probeArgFile", PROBE_ARG_FILE);
        m.put("probeJvmCached", String.join(" ", PROBE_JVM_CACHED));
        m.put("probeJvm", String.join(" ", PROBE_JVM));

        // The builder's extra Maven arguments and the libraries it leaves out, for the module's framework.
        m.put("mavenArgs", s.framework().mavenArgs().isEmpty() ? "" : " " + String.join(" ", s.framework().mavenArgs()));
        m.put("excludedArtifacts", String.join(",", s.framework().excludedArtifacts()));
        m.put("framework", s.framework().describe());
        m.put("copiesDependencies", s.framework().copiesDependencies());
        m.put("probeSource", PROBE_SOURCE);
        boolean propertyFiles = s.framework().passwordProperty() != null;
        m.put("propertyFiles", propertyFiles);
        m.put("launcherSource", LAUNCHER_SOURCE);
        m.put("quarkusFastJar", s.framework().kind() == Framework.Kind.QUARKUS);
        m.put("quarkusUberJar", s.framework().kind() == Framework.Kind.QUARKUS_UBER_JAR);
        Map<String, String> environment = new LinkedHashMap<>();
        s.framework().environment().forEach((name, value) -> environment.put(name, yamlScalar(value)));
        m.put("environment", environment);
        // APP_ENV is a variable of the stack (listed in .env.example) unless <environment> states a literal value.
        m.put("appEnvVariable", s.framework().environment().getOrDefault("APP_ENV", "").contains("${APP_ENV"));
        m.put("passwordSecret", s.framework().passwordSecret());
        m.put("passwordSecretRenamed", !s.framework().passwordSecret().equals(Framework.PASSWORD_SECRET));

        List<String> jvm = baseJvm(s.jvmProfile(), s.cpuLimit());
        jvm.addAll(s.framework().systemProperties());
        if (s.jvmOptions().stream().anyMatch(o -> o.matches("-XX:\\+Use[A-Za-z0-9]+GC"))) {
            // The user chose a collector; two would stop the JVM.
            jvm.removeIf(o -> o.matches("-XX:\\+Use[A-Za-z0-9]+GC"));
        }
        jvm.addAll(s.jvmOptions());

        List<String> entrypoint = new ArrayList<>();
        entrypoint.add(java);
        entrypoint.addAll(jvm);
        if (s.aotCache()) {
            entrypoint.add("@" + CACHE_ARG_FILE); // the cache option the training run wrote for the builder's JDK
        }
        entrypoint.add("@" + ARG_FILE);
        if (propertyFiles) {
            entrypoint.add(LAUNCHER_CLASS);
        }
        entrypoint.add(s.mainClass());
        entrypoint.addAll(s.appArgs());
        m.put("entrypoint", jsonArray(entrypoint));
        m.put("argFile", ARG_FILE);

        // The training run: the same command, writing the cache ($cache_output, set by the training stage for the
        // JDK it finds) instead of reading it.
        List<String> trainingJvm = new ArrayList<>();
        trainingJvm.add(java);
        trainingJvm.addAll(jvm);
        List<String> trainingMain = new ArrayList<>();
        trainingMain.add("@" + ARG_FILE);
        if (propertyFiles) {
            trainingMain.add(LAUNCHER_CLASS);
        }
        trainingMain.add(s.mainClass());
        trainingMain.addAll(s.appArgs());
        StringBuilder env = new StringBuilder();
        List<String> trainingEnv = new ArrayList<>(s.framework().trainingEnvironment());
        trainingEnv.addAll(s.aotTrainingEnv()); // the user's come last: the shell's last assignment wins
        for (String entry : trainingEnv) { // NAME=value, the value quoted when it needs to be
            int eq = entry.indexOf('=');
            env.append(entry, 0, eq + 1).append(shellWords(List.of(entry.substring(eq + 1)))).append(' ');
        }
        m.put("trainingCommand", env + shellWords(trainingJvm) + " \"$cache_output\" " + shellWords(trainingMain));
        // With the start-up cache on, the probe is a jar (a class path for an AOT cache must be jars), and on Java
        // 25 it gets an AOT cache of its own, made in the training run.
        boolean probeJar = s.aotCache();
        String probePath = probeJar ? "/app/probe.jar" : "/app/probe";
        m.put("probeJar", probeJar);
        m.put("probeCommand", shellWords(List.of(java, "-cp", probePath, "HealthProbe")));
        List<String> probeTraining = new ArrayList<>(List.of(java));
        probeTraining.addAll(PROBE_JVM_CACHED);
        probeTraining.addAll(List.of("-XX:AOTCacheOutput=/tmp/startup/probe.aot", "-cp", probePath, "HealthProbe"));
        m.put("probeTrainingCommand", shellWords(probeTraining));
        List<String> trainingUrls = new ArrayList<>();
        for (String path : s.aotTrainingPaths()) {
            trainingUrls.add("http://127.0.0.1:" + s.port() + path);
        }
        m.put("trainingUrls", String.join(" ", trainingUrls));

        List<String> probe = new ArrayList<>();
        probe.add(java);
        if (probeJar) {
            probe.add("@" + PROBE_ARG_FILE); // JVM options, the probe's cache on Java 25, its class path
        } else {
            probe.addAll(PROBE_JVM);
            probe.add("-cp");
            probe.add(probePath);
        }
        probe.add("HealthProbe");
        probe.add(healthUrl);
        m.put("healthcheck", jsonArray(probe));
        List<String> composeTest = new ArrayList<>();
        composeTest.add("CMD");
        composeTest.addAll(probe);
        m.put("composeHealthcheck", jsonArray(composeTest));
        // The one-shot migration service: the image's ENTRYPOINT with these arguments instead of the app's own.
        m.put("migrate", s.postgres() && !s.migrationArgs().isEmpty());
        m.put("migrationCommand", jsonArray(s.migrationArgs()));

        // compose.yaml's stop_grace_period and the Deployment's terminationGracePeriodSeconds: one value.
        m.put("stopGraceSeconds", Integer.toString(STOP_GRACE_SECONDS));
        kubernetes(s, m);

        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", s.imageName());
        labels.put("org.opencontainers.image.description", oneLine(s.description()));
        if (s.license() != null && !s.license().isBlank()) {
            labels.put("org.opencontainers.image.licenses", oneLine(s.license()));
        }
        if (s.scmUrl() != null && !s.scmUrl().isBlank()) {
            labels.put("org.opencontainers.image.source", oneLine(s.scmUrl()));
        }
        Map<String, String> quoted = new LinkedHashMap<>();
        labels.forEach((k, v) -> quoted.put(k, jsonString(v).replace("$", "\\$")));
        m.put("labels", quoted);
        return m;
    }

    /** How long a stopping container may drain before it is killed: Compose's stop_grace_period, in seconds. */
    static final int STOP_GRACE_SECONDS = 40;

    /** The values only the Kubernetes templates use. */
    private static void kubernetes(ServiceModel s, Map<String, Object> m) {
        if (!s.kubernetes()) {
            return;
        }
        String name = kubernetesName(s.imageName());
        m.put("k8sName", name);
        m.put("k8sMemory", kubernetesQuantity(s.memoryLimit()));
        m.put("k8sCpu", kubernetesCpu(s.cpuLimit()));
        m.put("k8sPasswordSecret", name + "-database");
        // The image as Compose names it when APP_IMAGE is not set; an overlay sets the published one by digest.
        m.put("k8sImage", s.imageName() + ":local");
        Map<String, String> env = new LinkedHashMap<>();
        s.framework().environment().forEach((key, value) -> env.put(key, yamlScalar(kubernetesValue(value))));
        m.put("k8sEnvironment", env);
    }

    /**
     * A Kubernetes object name (an RFC 1123 label) from the image name: its last path segment, with {@code .} and
     * {@code _} turned into {@code -}, at most 50 characters (room for the suffixes the objects add).
     */
    static String kubernetesName(String imageName) {
        String last = imageName.substring(imageName.lastIndexOf('/') + 1);
        String name = last.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
        if (name.length() > 50) {
            name = name.substring(0, 50);
        }
        return name.replaceAll("^-+|-+$", "");
    }

    /** A Compose size ({@code 512m}, {@code 1g}, {@code 65536k}) as a Kubernetes quantity ({@code 512Mi}). */
    static String kubernetesQuantity(String composeSize) {
        String v = composeSize.trim().toLowerCase(java.util.Locale.ROOT);
        char unit = v.charAt(v.length() - 1);
        String number = v.substring(0, v.length() - 1);
        return switch (unit) {
            case 'k' -> number + "Ki";
            case 'm' -> number + "Mi";
            case 'g' -> number + "Gi";
            default -> v;
        };
    }

    /** A number of CPUs ({@code 1.0}, {@code 0.5}) in millicores ({@code 1000m}, {@code 500m}). */
    static String kubernetesCpu(String cpus) {
        long millis = new java.math.BigDecimal(cpus.trim()).movePointRight(3)
                .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        return millis % 1000 == 0 && millis > 0 ? Long.toString(millis / 1000) : Math.max(1, millis) + "m";
    }

    /**
     * A Compose environment value as Kubernetes reads it: Kubernetes does not interpolate {@code ${NAME:-default}},
     * so such a reference becomes its default (what Compose uses when the variable is unset), and a literal
     * {@code $(} is doubled so that Kubernetes does not expand it as a reference to another variable.
     */
    static String kubernetesValue(String composeValue) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)}")
                .matcher(composeValue);
        String resolved = m.replaceAll(r -> java.util.regex.Matcher.quoteReplacement(r.group(1)));
        return resolved.replace("$(", "$$(");
    }

    /**
     * The jar's file name with the project version replaced by {@code *}, so the generated files do not change
     * with every release. Classifier jars are not matched: the builder checks that exactly one jar matches.
     */
    static String jarGlob(ServiceModel s) {
        String finalName = s.finalName();
        if (s.version() != null && !s.version().isEmpty() && finalName.contains(s.version())) {
            finalName = finalName.replace(s.version(), "*");
        }
        // Quarkus names its uber-jar after the final name with the runner suffix.
        return finalName + (s.framework().kind() == Framework.Kind.QUARKUS_UBER_JAR ? "-runner" : "") + ".jar";
    }

    /** Words for a POSIX shell command line; only characters that need no quoting are left bare. */
    static String shellWords(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w.matches("[A-Za-z0-9_@%+=:,./-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    /**
     * A value as a YAML scalar: bare when YAML reads it back as the same string, quoted when it would read as
     * another type (a number, a boolean, null) or needs escaping.
     */
    static String yamlScalar(String value) {
        boolean otherType = value.matches("[-+]?[0-9._]+|(?i)(true|false|yes|no|on|off|null|~)");
        boolean plain = value.matches("[A-Za-z0-9_$/.@=+-][A-Za-z0-9_$/.@=+:{}-]*") && !value.contains(": ");
        return !otherType && plain ? value : jsonString(value);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** A JSON string literal: quotes and backslashes escaped, control characters as \\u escapes. */
    static String jsonString(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A JSON array of strings on one line, as Dockerfile exec form and YAML flow sequences accept it. */
    static String jsonArray(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(jsonString(values.get(i)));
        }
        return b.append(']').toString();
    }
}
