package io.github.hardenedcontainer.model;

import java.util.List;

/**
 * The user's configuration as given, before validation. Values stay strings so that every bad value can be
 * reported with the exact text the user wrote; {@code null} means "not set, use the default".
 */
public record Settings(
        String imageName,
        String registry,
        String javaVersion,
        String builderImage,
        String runtimeImage,
        String postgresImage,
        String uid,
        String gid,
        String port,
        String hostAddress,
        String healthPath,
        String readinessPath,
        List<String> jvmOptions,
        String mainClass,
        String database,
        String buildMode,
        String memoryLimit,
        String cpuLimit,
        String pidsLimit,
        List<String> excludes,
        String runtime,
        List<String> jlinkModules,
        List<String> jlinkAddModules,
        List<String> jlinkExcludeModules,
        String aotCache,
        List<String> aotTrainingPaths,
        List<String> aotTrainingEnv) {

    public Settings {
        jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        jlinkModules = jlinkModules == null ? List.of() : List.copyOf(jlinkModules);
        jlinkAddModules = jlinkAddModules == null ? null : List.copyOf(jlinkAddModules);
        jlinkExcludeModules = jlinkExcludeModules == null ? List.of() : List.copyOf(jlinkExcludeModules);
        aotTrainingPaths = aotTrainingPaths == null ? List.of() : List.copyOf(aotTrainingPaths);
        aotTrainingEnv = aotTrainingEnv == null ? List.of() : List.copyOf(aotTrainingEnv);
    }

    /** All defaults. */
    public static Settings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.imageName = imageName;
        b.registry = registry;
        b.javaVersion = javaVersion;
        b.builderImage = builderImage;
        b.runtimeImage = runtimeImage;
        b.postgresImage = postgresImage;
        b.uid = uid;
        b.gid = gid;
        b.port = port;
        b.hostAddress = hostAddress;
        b.healthPath = healthPath;
        b.readinessPath = readinessPath;
        b.jvmOptions = jvmOptions;
        b.mainClass = mainClass;
        b.database = database;
        b.buildMode = buildMode;
        b.memoryLimit = memoryLimit;
        b.cpuLimit = cpuLimit;
        b.pidsLimit = pidsLimit;
        b.excludes = excludes;
        b.runtime = runtime;
        b.jlinkModules = jlinkModules;
        b.jlinkAddModules = jlinkAddModules;
        b.jlinkExcludeModules = jlinkExcludeModules;
        b.aotCache = aotCache;
        b.aotTrainingPaths = aotTrainingPaths;
        b.aotTrainingEnv = aotTrainingEnv;
        return b;
    }

    /** Fluent builder; unset values stay {@code null} (default). */
    public static final class Builder {
        private String imageName;
        private String registry;
        private String javaVersion;
        private String builderImage;
        private String runtimeImage;
        private String postgresImage;
        private String uid;
        private String gid;
        private String port;
        private String hostAddress;
        private String healthPath;
        private String readinessPath;
        private List<String> jvmOptions = List.of();
        private String mainClass;
        private String database;
        private String buildMode;
        private String memoryLimit;
        private String cpuLimit;
        private String pidsLimit;
        private List<String> excludes = List.of();
        private String runtime;
        private List<String> jlinkModules = List.of();
        private List<String> jlinkAddModules;
        private List<String> jlinkExcludeModules = List.of();
        private String aotCache;
        private List<String> aotTrainingPaths = List.of();
        private List<String> aotTrainingEnv = List.of();

        public Builder imageName(String v) { imageName = v; return this; }
        public Builder registry(String v) { registry = v; return this; }
        public Builder javaVersion(String v) { javaVersion = v; return this; }
        public Builder builderImage(String v) { builderImage = v; return this; }
        public Builder runtimeImage(String v) { runtimeImage = v; return this; }
        public Builder postgresImage(String v) { postgresImage = v; return this; }
        public Builder uid(String v) { uid = v; return this; }
        public Builder gid(String v) { gid = v; return this; }
        public Builder port(String v) { port = v; return this; }
        public Builder hostAddress(String v) { hostAddress = v; return this; }
        public Builder healthPath(String v) { healthPath = v; return this; }
        public Builder readinessPath(String v) { readinessPath = v; return this; }
        public Builder jvmOptions(List<String> v) { jvmOptions = v; return this; }
        public Builder mainClass(String v) { mainClass = v; return this; }
        public Builder database(String v) { database = v; return this; }
        public Builder buildMode(String v) { buildMode = v; return this; }
        public Builder memoryLimit(String v) { memoryLimit = v; return this; }
        public Builder cpuLimit(String v) { cpuLimit = v; return this; }
        public Builder pidsLimit(String v) { pidsLimit = v; return this; }
        public Builder excludes(List<String> v) { excludes = v; return this; }
        public Builder runtime(String v) { runtime = v; return this; }
        public Builder jlinkModules(List<String> v) { jlinkModules = v; return this; }
        /** {@code null} keeps the default extra modules; an empty list adds none. */
        public Builder jlinkAddModules(List<String> v) { jlinkAddModules = v; return this; }
        public Builder jlinkExcludeModules(List<String> v) { jlinkExcludeModules = v; return this; }
        public Builder aotCache(String v) { aotCache = v; return this; }
        public Builder aotTrainingPaths(List<String> v) { aotTrainingPaths = v; return this; }
        public Builder aotTrainingEnv(List<String> v) { aotTrainingEnv = v; return this; }

        public Settings build() {
            return new Settings(imageName, registry, javaVersion, builderImage, runtimeImage, postgresImage, uid, gid,
                    port, hostAddress, healthPath, readinessPath, jvmOptions, mainClass, database, buildMode,
                    memoryLimit, cpuLimit, pidsLimit, excludes, runtime, jlinkModules, jlinkAddModules, jlinkExcludeModules, aotCache,
                    aotTrainingPaths, aotTrainingEnv);
        }
    }
}
