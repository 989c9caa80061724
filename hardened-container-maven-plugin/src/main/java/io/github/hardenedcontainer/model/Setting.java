package io.github.hardenedcontainer.model;

import java.util.Optional;

/**
 * Every user-facing parameter of every goal, in one table: its name (the POM element and the Mojo field), its
 * kind, its scope and its default. The Mojos read the {@link Kind#TEXT} and {@link Kind#LIST} parameters into
 * {@link Settings} from this table, the reactor reader merges a module's own configuration by walking it (a key
 * that is not here is an error), {@link Settings} answers defaults from it, and the plugin reference renders its
 * scope column from it. A test holds the Mojos' annotations to it, so a new parameter is one entry here plus its
 * field.
 */
public enum Setting {
    SKIP("skip", Kind.FLAG, Scope.MODULE, "false"),
    OUTPUT_DIRECTORY("outputDirectory", Kind.FILE, Scope.REPOSITORY, null),
    TEMPLATE_DIRECTORY("templateDirectory", Kind.FILE, Scope.REPOSITORY, null),
    EXCLUDES("excludes", Kind.LIST, Scope.REPOSITORY, null),
    REGISTRY("registry", Kind.TEXT, Scope.REPOSITORY, "ghcr.io"),
    REGISTRY_USERNAME_SECRET("registryUsernameSecret", Kind.TEXT, Scope.REPOSITORY, null),
    REGISTRY_PASSWORD_SECRET("registryPasswordSecret", Kind.TEXT, Scope.REPOSITORY, null),
    RELEASE_BRANCHES("releaseBranches", Kind.LIST, Scope.REPOSITORY, null),
    IGNORE_UNFIXED("ignoreUnfixed", Kind.TEXT, Scope.REPOSITORY, "true"),
    MAVEN_SETTINGS_SECRET("mavenSettingsSecret", Kind.TEXT, Scope.REPOSITORY, null),
    IMAGE_NAME("imageName", Kind.TEXT, Scope.MODULE, null),
    JAVA_VERSION("javaVersion", Kind.TEXT, Scope.MODULE, null),
    BUILDER_IMAGE("builderImage", Kind.TEXT, Scope.MODULE, null),
    RUNTIME_IMAGE("runtimeImage", Kind.TEXT, Scope.MODULE, null),
    POSTGRES_IMAGE("postgresImage", Kind.TEXT, Scope.MODULE, null),
    UID("uid", Kind.TEXT, Scope.MODULE, "10001"),
    GID("gid", Kind.TEXT, Scope.MODULE, "10001"),
    PORT("port", Kind.TEXT, Scope.MODULE, "8080"),
    HOST_ADDRESS("hostAddress", Kind.TEXT, Scope.MODULE, "127.0.0.1"),
    // Not injected by Maven: a framework's health module supplies its own paths when the user states none.
    HEALTH_PATH("healthPath", Kind.TEXT, Scope.MODULE, "/health", false),
    READINESS_PATH("readinessPath", Kind.TEXT, Scope.MODULE, "/ready", false),
    JVM_OPTIONS("jvmOptions", Kind.LIST, Scope.MODULE, null),
    JVM_PROFILE("jvmProfile", Kind.TEXT, Scope.MODULE, "footprint"),
    MAIN_CLASS("mainClass", Kind.TEXT, Scope.MODULE, null),
    APP_ARGS("appArgs", Kind.LIST, Scope.MODULE, null),
    MIGRATION_ARGS("migrationArgs", Kind.LIST, Scope.MODULE, null),
    JAR_NAME("jarName", Kind.TEXT, Scope.MODULE, null),
    DATABASE("database", Kind.TEXT, Scope.MODULE, null),
    BUILD_MODE("buildMode", Kind.TEXT, Scope.MODULE, "docker"),
    MEMORY_LIMIT("memoryLimit", Kind.TEXT, Scope.MODULE, "512m"),
    CPU_LIMIT("cpuLimit", Kind.TEXT, Scope.MODULE, "1.0"),
    PIDS_LIMIT("pidsLimit", Kind.TEXT, Scope.MODULE, "256"),
    RUNTIME("runtime", Kind.TEXT, Scope.MODULE, "jlink"),
    JLINK_MODULES("jlinkModules", Kind.LIST, Scope.MODULE, null),
    JLINK_ADD_MODULES("jlinkAddModules", Kind.LIST, Scope.MODULE, null),
    JLINK_EXCLUDE_MODULES("jlinkExcludeModules", Kind.LIST, Scope.MODULE, null),
    AOT_CACHE("aotCache", Kind.TEXT, Scope.MODULE, "true"),
    AOT_TRAINING_PATHS("aotTrainingPaths", Kind.LIST, Scope.MODULE, null),
    AOT_TRAINING_ENV("aotTrainingEnv", Kind.LIST, Scope.MODULE, null),
    ENVIRONMENT("environment", Kind.LIST, Scope.MODULE, null),
    KUBERNETES("kubernetes", Kind.TEXT, Scope.MODULE, "false"),
    FORCE("force", Kind.FLAG, Scope.GOAL, "false"),
    DRY_RUN("dryRun", Kind.FLAG, Scope.GOAL, "false"),
    DRIFT("drift", Kind.FLAG, Scope.GOAL, "true"),
    STRICT("strict", Kind.FLAG, Scope.GOAL, "false"),
    FAIL_ON("failOn", Kind.TEXT, Scope.GOAL, "high"),
    OUTDATED("outdated", Kind.TEXT, Scope.GOAL, "warn"),
    WAIVER_FILE("waiverFile", Kind.FILE, Scope.GOAL, null),
    REPORT_DIRECTORY("reportDirectory", Kind.FILE, Scope.GOAL, null);

    /** The user property prefix: {@code -Dhardened.<name>}. */
    public static final String PROPERTY_PREFIX = "hardened.";

    /** The Java type of the Mojo field. */
    public enum Kind {
        /** A {@code String}. */
        TEXT,
        /** A {@code List<String>}; as a user property, comma-separated. */
        LIST,
        /** A {@code boolean}. */
        FLAG,
        /** A {@code File}. */
        FILE
    }

    /** Where a value applies. */
    public enum Scope {
        /** Each module's own configuration wins for that module; the command line applies to every module. */
        MODULE,
        /** One value for the whole repository, from the module Maven runs the goal in. */
        REPOSITORY,
        /** A switch of one goal's run ({@code -Dhardened.force}, verify's settings). */
        GOAL
    }

    private final String parameterName;
    private final Kind kind;
    private final Scope scope;
    private final String defaultValue;
    private final boolean injected;

    Setting(String parameterName, Kind kind, Scope scope, String defaultValue) {
        this(parameterName, kind, scope, defaultValue, true);
    }

    Setting(String parameterName, Kind kind, Scope scope, String defaultValue, boolean injected) {
        this.parameterName = parameterName;
        this.kind = kind;
        this.scope = scope;
        this.defaultValue = defaultValue;
        this.injected = injected;
    }

    /** The POM element and Mojo field name, such as {@code healthPath}. */
    public String parameterName() {
        return parameterName;
    }

    /** The user property, such as {@code hardened.healthPath}. */
    public String property() {
        return PROPERTY_PREFIX + parameterName;
    }

    public Kind kind() {
        return kind;
    }

    public Scope scope() {
        return scope;
    }

    /** The default, or {@code null} when the default is computed from the project or absent. */
    public String defaultValue() {
        return defaultValue;
    }

    /**
     * Whether the Mojo's annotation declares the default, so that Maven injects it. A setting whose default a
     * detected framework may replace is not injected: an unset value must stay distinguishable from a stated one.
     */
    public boolean injected() {
        return injected;
    }

    /** Whether {@link Settings} carries it: the text and list parameters of modules and the repository. */
    public boolean inSettings() {
        return scope != Scope.GOAL && (kind == Kind.TEXT || kind == Kind.LIST);
    }

    /** Finds a parameter by its POM element name. */
    public static Optional<Setting> byName(String name) {
        for (Setting p : values()) {
            if (p.parameterName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
