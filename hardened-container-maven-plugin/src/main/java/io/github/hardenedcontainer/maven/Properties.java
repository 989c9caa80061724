package io.github.hardenedcontainer.maven;

/** The user property of every parameter, in one place: {@code -Dhardened.<name>}. */
final class Properties {

    static final String PREFIX = "hardened.";

    static final String SKIP = PREFIX + "skip";
    static final String FORCE = PREFIX + "force";
    static final String DRY_RUN = PREFIX + "dryRun";
    static final String OUTPUT_DIRECTORY = PREFIX + "outputDirectory";
    static final String TEMPLATE_DIRECTORY = PREFIX + "templateDirectory";
    static final String EXCLUDES = PREFIX + "excludes";
    static final String IMAGE_NAME = PREFIX + "imageName";
    static final String REGISTRY = PREFIX + "registry";
    static final String REGISTRY_USERNAME_SECRET = PREFIX + "registryUsernameSecret";
    static final String REGISTRY_PASSWORD_SECRET = PREFIX + "registryPasswordSecret";
    static final String RELEASE_BRANCHES = PREFIX + "releaseBranches";
    static final String IGNORE_UNFIXED = PREFIX + "ignoreUnfixed";
    static final String MAVEN_SETTINGS_SECRET = PREFIX + "mavenSettingsSecret";
    static final String JAVA_VERSION = PREFIX + "javaVersion";
    static final String BUILDER_IMAGE = PREFIX + "builderImage";
    static final String RUNTIME_IMAGE = PREFIX + "runtimeImage";
    static final String POSTGRES_IMAGE = PREFIX + "postgresImage";
    static final String UID = PREFIX + "uid";
    static final String GID = PREFIX + "gid";
    static final String PORT = PREFIX + "port";
    static final String HOST_ADDRESS = PREFIX + "hostAddress";
    static final String HEALTH_PATH = PREFIX + "healthPath";
    static final String READINESS_PATH = PREFIX + "readinessPath";
    static final String JVM_OPTIONS = PREFIX + "jvmOptions";
    static final String JVM_PROFILE = PREFIX + "jvmProfile";
    static final String MAIN_CLASS = PREFIX + "mainClass";
    static final String APP_ARGS = PREFIX + "appArgs";
    static final String MIGRATION_ARGS = PREFIX + "migrationArgs";
    static final String JAR_NAME = PREFIX + "jarName";
    static final String DATABASE = PREFIX + "database";
    static final String BUILD_MODE = PREFIX + "buildMode";
    static final String MEMORY_LIMIT = PREFIX + "memoryLimit";
    static final String CPU_LIMIT = PREFIX + "cpuLimit";
    static final String PIDS_LIMIT = PREFIX + "pidsLimit";
    static final String RUNTIME = PREFIX + "runtime";
    static final String JLINK_MODULES = PREFIX + "jlinkModules";
    static final String JLINK_ADD_MODULES = PREFIX + "jlinkAddModules";
    static final String JLINK_EXCLUDE_MODULES = PREFIX + "jlinkExcludeModules";
    static final String AOT_CACHE = PREFIX + "aotCache";
    static final String AOT_TRAINING_PATHS = PREFIX + "aotTrainingPaths";
    static final String AOT_TRAINING_ENV = PREFIX + "aotTrainingEnv";
    static final String ENVIRONMENT = PREFIX + "environment";
    static final String KUBERNETES = PREFIX + "kubernetes";
    static final String DRIFT = PREFIX + "drift";
    static final String STRICT = PREFIX + "strict";
    static final String FAIL_ON = PREFIX + "failOn";
    static final String OUTDATED = PREFIX + "outdated";
    static final String WAIVER_FILE = PREFIX + "waiverFile";
    static final String REPORT_DIRECTORY = PREFIX + "reportDirectory";

    private Properties() {
    }
}
