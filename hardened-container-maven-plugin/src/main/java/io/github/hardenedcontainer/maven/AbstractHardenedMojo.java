package io.github.hardenedcontainer.maven;

import io.github.hardenedcontainer.generate.GenerateRequest;
import io.github.hardenedcontainer.model.ImagePins;
import io.github.hardenedcontainer.model.ReactorFacts;
import io.github.hardenedcontainer.model.Setting;
import io.github.hardenedcontainer.model.Settings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters every goal shares, and the one shape every goal has: skip check, read the reactor once (at its
 * first project), hand an immutable request to the core.
 */
abstract class AbstractHardenedMojo extends AbstractMojo {

    /**
     * Skip this goal. In the module Maven runs the goal in, it skips the whole run; in another module's own
     * configuration, it leaves that module out.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.SKIP, defaultValue = "false")
    private boolean skip;

    /**
     * Where the repository files ({@code .dockerignore}, {@code .github/...}, {@code .trivyignore}) go; each
     * service's {@code Dockerfile} and {@code compose.yaml} go into its module directory below it.
     * Default: the reactor's top-level directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.OUTPUT_DIRECTORY)
    private File outputDirectory;

    /**
     * A directory of template overrides: a file named like a built-in template ({@code Dockerfile.ftl},
     * {@code compose.yaml.ftl}, {@code .env.example.ftl}, {@code .dockerignore.ftl}, {@code container.yml.ftl}, {@code dependabot.yml.ftl},
     * {@code .trivyignore.ftl}, {@code .gitignore.ftl}, and the Dockerfile's parts {@code dockerfile/builder.ftl},
     * {@code dockerfile/build-maven.ftl}, {@code dockerfile/build-prebuilt.ftl}, {@code dockerfile/linked-runtime.ftl},
     * {@code dockerfile/training-run.ftl}, {@code dockerfile/runtime-stage.ftl}) replaces it; the built-in templates
     * serve the rest, so an override of one Dockerfile part keeps the others.
     * Templates cannot run code ({@code ?new} and {@code ?api} are refused) and are read only from inside this
     * directory (a symbolic link that leads out of it fails the build).
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.TEMPLATE_DIRECTORY)
    private File templateDirectory;

    /**
     * Files not to generate, by path: {@code Dockerfile}, {@code compose.yaml}, {@code .env.example}, {@code secrets/.gitignore},
     * {@code .dockerignore}, {@code .github/workflows/container.yml}, {@code .github/dependabot.yml},
     * {@code .trivyignore}. As a property, a comma-separated list.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.EXCLUDES)
    private List<String> excludes;

    /**
     * The image name. Default: the artifactId.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.IMAGE_NAME)
    private String imageName;

    /**
     * The registry the workflow publishes to.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.REGISTRY, defaultValue = "ghcr.io")
    private String registry;

    /**
     * The name of the repository secret that holds the registry user name. Default: the workflow's actor, which is
     * what GHCR takes with the workflow's own token. Required with a registry other than ghcr.io.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.REGISTRY_USERNAME_SECRET)
    private String registryUsernameSecret;

    /**
     * The name of the repository secret that holds the registry password or access token. Default:
     * GITHUB_TOKEN (the workflow's own token, with packages: write), for ghcr.io only. Required with a registry
     * other than ghcr.io: the workflow's token is good for GHCR alone.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.REGISTRY_PASSWORD_SECRET)
    private String registryPasswordSecret;

    /**
     * The branches whose pushes publish the image (besides v* tags). Default: the repository's default branch,
     * read by the workflow at run time; pushes to main and master run the pipeline. As a property,
     * comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.RELEASE_BRANCHES)
    private List<String> releaseBranches;

    /**
     * Whether the blocking image scan leaves out vulnerabilities that have no fixed version yet (Trivy's
     * --ignore-unfixed): true or false. The non-blocking SARIF report for code scanning always lists them.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.IGNORE_UNFIXED, defaultValue = "true")
    private String ignoreUnfixed;

    /**
     * For builds against private Maven repositories: the name of the repository secret that holds the Maven
     * settings.xml with their credentials. The workflow then writes it to the runner's ~/.m2/settings.xml for its
     * Maven steps and hands it to the image build as the BuildKit secret maven-settings, and compose.yaml's build
     * reads it from the file MAVEN_SETTINGS names (Compose v2). The Dockerfile always accepts that secret
     * (docker build --secret id=maven-settings,src=$HOME/.m2/settings.xml): it is mounted for the Maven steps only,
     * never in a layer, the build context or the image history.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.MAVEN_SETTINGS_SECRET)
    private String mavenSettingsSecret;

    /**
     * The Java feature release the images run. Default: {@code maven.compiler.release}, else 17.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.JAVA_VERSION)
    private String javaVersion;

    /**
     * The builder stage's image (JDK and Maven): {@code name:tag}, optionally {@code @sha256:<digest>}; never
     * {@code latest}. Default: {@code maven:3.9.11-eclipse-temurin-<javaVersion>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.BUILDER_IMAGE)
    private String builderImage;

    /**
     * The runtime stage's image: {@code name:tag}, optionally {@code @sha256:<digest>}; never {@code latest}. With
     * {@code runtime=jlink} (the default) a minimal base without Java, which receives the linked runtime; default
     * {@code gcr.io/distroless/cc-debian12:nonroot}. With {@code runtime=jre} a JRE image; default
     * {@code eclipse-temurin:<javaVersion>-jre-noble}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.RUNTIME_IMAGE)
    private String runtimeImage;

    /**
     * The PostgreSQL image of the Compose stack. Default: {@code postgres:16-alpine}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.POSTGRES_IMAGE)
    private String postgresImage;

    /**
     * The numeric user id the application runs as; never 0.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.UID, defaultValue = "10001")
    private String uid;

    /**
     * The numeric group id the application runs as; never 0.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.GID, defaultValue = "10001")
    private String gid;

    /**
     * The port the application listens on inside the container.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.PORT, defaultValue = "8080")
    private String port;

    /**
     * The host interface Compose publishes the port on.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.HOST_ADDRESS, defaultValue = "127.0.0.1")
    private String hostAddress;

    /**
     * The liveness path the container healthcheck calls. Default: the framework's health module's liveness path
     * when the project uses one (Spring Boot Actuator: {@code /actuator/health/liveness}), else {@code /health}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.HEALTH_PATH)
    private String healthPath;

    /**
     * The readiness path (documented for orchestrators; checked for consistency). Default: the framework's health
     * module's readiness path when the project uses one (Spring Boot Actuator: {@code /actuator/health/readiness}),
     * else {@code /ready}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.READINESS_PATH)
    private String readinessPath;

    /**
     * Extra JVM options, after the container-aware defaults. As a property, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.JVM_OPTIONS)
    private List<String> jvmOptions;

    /**
     * What the JVM is tuned for. {@code footprint}: the C1 compiler alone and the serial collector, the fewest
     * resident bytes; {@code throughput}: full tiered compilation (C2 for hot code) and a collector for the CPU
     * limit (serial below 2 CPUs, parallel from 2), about 70% more requests per second for some 40 MB more memory
     * (docs/performance.md). A collector or compiler option in {@code jvmOptions} overrides the profile's.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.JVM_PROFILE, defaultValue = "footprint")
    private String jvmProfile;

    /**
     * The class with {@code main}. Default: detected from the maven-jar-plugin manifest, exec-maven-plugin,
     * maven-shade-plugin or the {@code exec.mainClass} property.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.MAIN_CLASS)
    private String mainClass;

    /**
     * Program arguments after the main class, in the image's ENTRYPOINT and its training run (a Vert.x verticle
     * for {@code VertxApplication}, say). Default: the exec-maven-plugin {@code <arguments>}; {@code none} passes
     * none. Never secrets: they stay in the image configuration. As a property, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.APP_ARGS)
    private List<String> appArgs;

    /**
     * The program arguments with which the application applies its database migrations and exits (such as
     * {@code migrate}). With PostgreSQL, compose.yaml then runs the image once with them, as the service
     * {@code migrate} (the app's hardening, environment and secret, on the database network only), and starts the
     * app only after it completed successfully: migrations leave the app's start path, and replicas never race on
     * them. Never secrets. As a property, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.MIGRATION_ARGS)
    private List<String> migrationArgs;

    /**
     * The file name of the jar to run, in {@code target/} (such as {@code orders-all.jar}). Default: the module's
     * {@code finalName} plus {@code .jar}, with the version the build wrote in
     * {@code target/maven-archiver/pom.properties}, so that a classifier jar beside it (sources, a
     * jar-with-dependencies) is never taken and the generated files do not change with each release.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.JAR_NAME)
    private String jarName;

    /**
     * {@code postgres} or {@code none}. Default: {@code postgres} when the project depends on
     * {@code org.postgresql:postgresql}, {@code io.vertx:vertx-pg-client} or {@code org.postgresql:r2dbc-postgresql}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.DATABASE)
    private String database;

    /**
     * {@code docker}: the Dockerfile builds the jar with Maven; {@code prebuilt}: it copies
     * {@code target/<finalName>.jar} and {@code target/container-lib/} built outside Docker.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.BUILD_MODE, defaultValue = "docker")
    private String buildMode;

    /**
     * The application container's memory limit.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.MEMORY_LIMIT, defaultValue = "512m")
    private String memoryLimit;

    /**
     * The application container's CPU limit.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.CPU_LIMIT, defaultValue = "1.0")
    private String cpuLimit;

    /**
     * The application container's process limit.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.PIDS_LIMIT, defaultValue = "256")
    private String pidsLimit;

    /**
     * {@code jlink}: the builder links a Java runtime with only the modules the application needs (found by
     * {@code jdeps}, plus {@code jlinkAddModules}) and the runtime stage is a minimal base image without a JDK;
     * {@code jre}: the runtime stage uses the Java runtime of {@code runtimeImage}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.RUNTIME, defaultValue = "jlink")
    private String runtime;

    /**
     * With {@code runtime=jlink}: the exact modules to link, instead of what {@code jdeps} finds. As a property,
     * comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.JLINK_MODULES)
    private List<String> jlinkModules;

    /**
     * With {@code runtime=jlink}: modules linked in addition to what {@code jdeps} finds, for code that loads them
     * by name (reflection, service providers, JNDI). Default: {@code jdk.naming.dns} and {@code jdk.zipfs} (and
     * {@code jdk.crypto.ec} before Java 22); {@code none} adds nothing. As a property, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.JLINK_ADD_MODULES)
    private List<String> jlinkAddModules;

    /**
     * With {@code runtime=jlink}: modules {@code jdeps} finds that the application never loads, left out of the
     * linked runtime. {@code jdeps} lists every module any class of any library refers to, so an optional part
     * of a library (a Micrometer binder for Log4j, say) can pull in a large module such as {@code java.desktop}.
     * As a property, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.JLINK_EXCLUDE_MODULES)
    private List<String> jlinkExcludeModules;

    /**
     * Moves start-up work to image build time: the builder starts the application once (a training run that
     * requests {@code healthPath}, {@code readinessPath} and {@code aotTrainingPaths}), and the image starts from
     * what it recorded. Which cache, the image build decides by the JDK the training run finds (the builder's for
     * the linked runtime, the runtime image's for {@code runtime=jre}), not by {@code javaVersion}: an AOT cache on
     * Java 25 and later (JEP 483/514), a class-data sharing archive on Java 13 to 24; the option that reads it is
     * written to {@code /app/cache.args}, which the ENTRYPOINT reads.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.AOT_CACHE, defaultValue = "true")
    private String aotCache;

    /**
     * Paths the training run requests after the health and readiness paths, so that the code behind them is in
     * the cache. Any answer counts, errors included. As a property, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.AOT_TRAINING_PATHS)
    private List<String> aotTrainingPaths;

    /**
     * Environment of the training run, as {@code NAME=value} entries: enough for the service to start and run its
     * start-up code in the image build, where its database and other dependencies are not (an address that
     * refuses connections still exercises the client code). Never secrets: the command line stays in the image
     * history. As a property, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.AOT_TRAINING_ENV)
    private List<String> aotTrainingEnv;

    /**
     * The app service's environment in the Compose stack, as {@code NAME=value} entries, on top of what the
     * detected framework sets (its port and, with PostgreSQL, its data source): an entry with a name the framework
     * sets replaces that value, any other is added after. Values are literal (no {@code $}: Compose would read it as
     * a variable). Never secrets: {@code compose.yaml} is committed; the database password is a Compose secret.
     * As a property, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.ENVIRONMENT)
    private List<String> environment;

    /**
     * Whether {@code generate} also writes a Kustomize base under {@code <module>/k8s/}: a Deployment meeting the
     * Pod Security Standard "restricted" profile, its Service, ServiceAccount, PodDisruptionBudget,
     * HorizontalPodAutoscaler and NetworkPolicy, from the same port, probes, limits and environment as the Compose
     * stack; {@code verify} then checks them (docs/kubernetes.md).
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.KUBERNETES, defaultValue = "false")
    private String kubernetes;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** The goals already run per build session (weakly held: a session ends, its entry goes). */
    private static final Map<MavenSession, Set<String>> DONE = new WeakHashMap<>();

    /** What a goal works on: the repository root and the reactor's facts. */
    record ExecutionContext(Path root, ReactorFacts facts) {
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (" + Properties.SKIP + "=true)");
            return;
        }
        // One run covers the whole repository: the first execution in a build does the work, later ones (other
        // modules of the same reactor) say so and stop.
        String goal = getClass().getSimpleName();
        synchronized (DONE) {
            Set<String> done = DONE.computeIfAbsent(session, s -> new HashSet<>());
            if (!done.add(goal)) {
                getLog().info("Already done for the whole repository in this build");
                return;
            }
        }
        Path root = repositoryRoot();
        List<MavenProject> all = session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
        ReactorFacts facts = ReactorReader.read(root, all, project, settings(), session.getUserProperties())
                .withPins(readPins(root));
        execute(new ExecutionContext(root, facts));
    }

    /**
     * The directory Docker builds from: the highest of the top-level project, the multi-module project directory
     * ({@code .mvn}) and the project's local parents that contains this project. With {@code -pl module} the
     * parent POMs are then still in the build context.
     */
    private Path repositoryRoot() {
        Path dir = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path root = dir;
        List<Path> candidates = new java.util.ArrayList<>();
        if (session.getTopLevelProject() != null) {
            candidates.add(session.getTopLevelProject().getBasedir().toPath());
        }
        if (session.getRequest().getMultiModuleProjectDirectory() != null) {
            candidates.add(session.getRequest().getMultiModuleProjectDirectory().toPath());
        }
        for (MavenProject parent = project.getParent(); parent != null && parent.getFile() != null;
                parent = parent.getParent()) {
            candidates.add(parent.getBasedir().toPath());
        }
        for (Path candidate : candidates) {
            Path c = candidate.toAbsolutePath().normalize();
            if (dir.startsWith(c) && c.getNameCount() < root.getNameCount()) {
                root = c;
            }
        }
        return root;
    }

    /** The digests hardened:pin wrote ({@code hardened-pins.properties} at the root), or none without the file. */
    static ImagePins readPins(Path root) throws MojoFailureException {
        Path file = root.resolve(ImagePins.FILE);
        if (!Files.isRegularFile(file)) {
            return ImagePins.none();
        }
        try {
            return ImagePins.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The goal's work, with the reactor read. */
    protected abstract void execute(ExecutionContext context) throws MojoExecutionException, MojoFailureException;

    /** The text and list parameters of this execution, read by name from the {@link Setting} table. */
    private Settings settings() {
        Settings.Builder b = Settings.builder();
        for (Setting p : Setting.values()) {
            if (p.inSettings()) {
                b.set(p, field(p));
            }
        }
        return b.build();
    }

    private Object field(Setting p) {
        try {
            return AbstractHardenedMojo.class.getDeclaredField(p.parameterName()).get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The parameter table names " + p.parameterName()
                    + ", which is not a field of " + AbstractHardenedMojo.class.getSimpleName(), e);
        }
    }

    private Path templateDirectoryPath() {
        return templateDirectory == null ? null : templateDirectory.toPath().toAbsolutePath().normalize();
    }

    protected String pluginVersion() {
        return plugin.getVersion();
    }

    /** The request the generator (or the verifier, to render what generate would) works from. */
    protected GenerateRequest generateRequest(ExecutionContext context, boolean force) {
        Path output = outputDirectory == null ? context.root() : outputDirectory.toPath().toAbsolutePath().normalize();
        return new GenerateRequest(context.facts(), output, templateDirectoryPath(), force, pluginVersion());
    }
}
