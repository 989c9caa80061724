package io.github.hardenedcontainer.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user's configuration as given, before validation: a value for each {@link Setting} that
 * {@link Setting#inSettings() carries settings}. Values stay strings so that every bad value can be reported
 * with the exact text the user wrote; an absent value means "not set": {@link #text(Setting)} then answers the
 * table's default, the named accessors answer {@code null} (text) or an empty list (lists).
 */
public final class Settings {

    private final Map<Setting, Object> values;

    private Settings(Map<Setting, Object> values) {
        EnumMap<Setting, Object> copy = new EnumMap<>(Setting.class);
        values.forEach((p, v) -> {
            if (!p.inSettings()) {
                throw new IllegalArgumentException(p.parameterName() + " is not a settings parameter");
            }
            if (v != null) {
                copy.put(p, p.kind() == Setting.Kind.LIST ? List.copyOf(asList(v)) : v.toString());
            }
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static List<String> asList(Object v) {
        if (v instanceof List<?> list) {
            return (List<String>) list;
        }
        throw new IllegalArgumentException("a list parameter needs a list, got " + v);
    }

    /** All defaults. */
    public static Settings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder(new EnumMap<>(Setting.class));
    }

    /** Returns a builder holding these values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(new EnumMap<>(values.isEmpty() ? Map.of() : values));
    }

    /** Whether the parameter was set (by the POM or the command line). */
    public boolean isSet(Setting p) {
        return values.containsKey(p);
    }

    /** The value as given, or {@code null} when not set. */
    public Object value(Setting p) {
        return values.get(p);
    }

    /** A text parameter's value, or the table's default when it is not set or blank. */
    public String text(Setting p) {
        Object v = values.get(p);
        return v instanceof String s && !s.isBlank() ? s : p.defaultValue();
    }

    private String raw(Setting p) {
        return (String) values.get(p);
    }

    @SuppressWarnings("unchecked")
    private List<String> list(Setting p) {
        Object v = values.get(p);
        return v == null ? List.of() : (List<String>) v;
    }

    public String imageName() { return raw(Setting.IMAGE_NAME); }
    public String registry() { return raw(Setting.REGISTRY); }
    public List<String> releaseBranches() { return list(Setting.RELEASE_BRANCHES); }
    public String javaVersion() { return raw(Setting.JAVA_VERSION); }
    public String builderImage() { return raw(Setting.BUILDER_IMAGE); }
    public String runtimeImage() { return raw(Setting.RUNTIME_IMAGE); }
    public String postgresImage() { return raw(Setting.POSTGRES_IMAGE); }
    public String uid() { return raw(Setting.UID); }
    public String gid() { return raw(Setting.GID); }
    public String port() { return raw(Setting.PORT); }
    public String hostAddress() { return raw(Setting.HOST_ADDRESS); }
    public String healthPath() { return raw(Setting.HEALTH_PATH); }
    public String readinessPath() { return raw(Setting.READINESS_PATH); }
    public List<String> jvmOptions() { return list(Setting.JVM_OPTIONS); }
    public String jvmProfile() { return raw(Setting.JVM_PROFILE); }
    public String mainClass() { return raw(Setting.MAIN_CLASS); }
    public String jarName() { return raw(Setting.JAR_NAME); }
    /** {@code null} or empty when not set (the exec-maven-plugin arguments, if any); {@code [none]} passes none. */
    @SuppressWarnings("unchecked")
    public List<String> appArgs() { return (List<String>) values.get(Setting.APP_ARGS); }
    public List<String> migrationArgs() { return list(Setting.MIGRATION_ARGS); }
    public String database() { return raw(Setting.DATABASE); }
    public String buildMode() { return raw(Setting.BUILD_MODE); }
    public String memoryLimit() { return raw(Setting.MEMORY_LIMIT); }
    public String cpuLimit() { return raw(Setting.CPU_LIMIT); }
    public String pidsLimit() { return raw(Setting.PIDS_LIMIT); }
    public List<String> excludes() { return list(Setting.EXCLUDES); }
    public String runtime() { return raw(Setting.RUNTIME); }
    public List<String> jlinkModules() { return list(Setting.JLINK_MODULES); }
    /** {@code null} when not set (the default extra modules); an empty list adds none. */
    @SuppressWarnings("unchecked")
    public List<String> jlinkAddModules() { return (List<String>) values.get(Setting.JLINK_ADD_MODULES); }
    public List<String> jlinkExcludeModules() { return list(Setting.JLINK_EXCLUDE_MODULES); }
    public String aotCache() { return raw(Setting.AOT_CACHE); }
    public List<String> aotTrainingPaths() { return list(Setting.AOT_TRAINING_PATHS); }
    public List<String> aotTrainingEnv() { return list(Setting.AOT_TRAINING_ENV); }
    public List<String> environment() { return list(Setting.ENVIRONMENT); }
    public String kubernetes() { return raw(Setting.KUBERNETES); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return "Settings" + values;
    }

    /** Fluent builder; unset values stay unset (default). */
    public static final class Builder {
        private final EnumMap<Setting, Object> values;

        private Builder(EnumMap<Setting, Object> values) {
            this.values = values;
        }

        /** Sets a parameter; {@code null} unsets it. */
        public Builder set(Setting p, Object value) {
            if (value == null) {
                values.remove(p);
            } else {
                values.put(p, value);
            }
            return this;
        }

        public Builder imageName(String v) { return set(Setting.IMAGE_NAME, v); }
        public Builder registry(String v) { return set(Setting.REGISTRY, v); }
        public Builder javaVersion(String v) { return set(Setting.JAVA_VERSION, v); }
        public Builder builderImage(String v) { return set(Setting.BUILDER_IMAGE, v); }
        public Builder runtimeImage(String v) { return set(Setting.RUNTIME_IMAGE, v); }
        public Builder postgresImage(String v) { return set(Setting.POSTGRES_IMAGE, v); }
        public Builder uid(String v) { return set(Setting.UID, v); }
        public Builder gid(String v) { return set(Setting.GID, v); }
        public Builder port(String v) { return set(Setting.PORT, v); }
        public Builder hostAddress(String v) { return set(Setting.HOST_ADDRESS, v); }
        public Builder healthPath(String v) { return set(Setting.HEALTH_PATH, v); }
        public Builder readinessPath(String v) { return set(Setting.READINESS_PATH, v); }
        public Builder jvmOptions(List<String> v) { return set(Setting.JVM_OPTIONS, v); }
        public Builder jvmProfile(String v) { return set(Setting.JVM_PROFILE, v); }
        public Builder mainClass(String v) { return set(Setting.MAIN_CLASS, v); }
        public Builder jarName(String v) { return set(Setting.JAR_NAME, v); }
        public Builder appArgs(List<String> v) { return set(Setting.APP_ARGS, v); }
        public Builder migrationArgs(List<String> v) { return set(Setting.MIGRATION_ARGS, v); }
        public Builder database(String v) { return set(Setting.DATABASE, v); }
        public Builder buildMode(String v) { return set(Setting.BUILD_MODE, v); }
        public Builder memoryLimit(String v) { return set(Setting.MEMORY_LIMIT, v); }
        public Builder cpuLimit(String v) { return set(Setting.CPU_LIMIT, v); }
        public Builder pidsLimit(String v) { return set(Setting.PIDS_LIMIT, v); }
        public Builder excludes(List<String> v) { return set(Setting.EXCLUDES, v); }
        public Builder runtime(String v) { return set(Setting.RUNTIME, v); }
        public Builder jlinkModules(List<String> v) { return set(Setting.JLINK_MODULES, v); }
        /** {@code null} keeps the default extra modules; an empty list adds none. */
        public Builder jlinkAddModules(List<String> v) { return set(Setting.JLINK_ADD_MODULES, v); }
        public Builder jlinkExcludeModules(List<String> v) { return set(Setting.JLINK_EXCLUDE_MODULES, v); }
        public Builder aotCache(String v) { return set(Setting.AOT_CACHE, v); }
        public Builder aotTrainingPaths(List<String> v) { return set(Setting.AOT_TRAINING_PATHS, v); }
        public Builder aotTrainingEnv(List<String> v) { return set(Setting.AOT_TRAINING_ENV, v); }
        public Builder environment(List<String> v) { return set(Setting.ENVIRONMENT, v); }
        public Builder kubernetes(String v) { return set(Setting.KUBERNETES, v); }

        public Settings build() {
            return new Settings(values);
        }
    }
}
