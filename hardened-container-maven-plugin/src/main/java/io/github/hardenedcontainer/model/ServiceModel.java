package io.github.hardenedcontainer.model;

import java.util.List;

/**
 * One runnable module after validation: everything the templates need for its Dockerfile and Compose file.
 * Built only by {@code io.github.hardenedcontainer.generate.ConfigurationValidator}.
 */
public record ServiceModel(
        String name,
        String imageName,
        String groupId,
        String artifactId,
        String version,
        String description,
        String license,
        String scmUrl,
        String modulePath,
        String contextPath,
        String finalName,
        String mainClass,
        String javaVersion,
        ImageReference builderImage,
        ImageReference runtimeImage,
        ImageReference postgresImage,
        int uid,
        int gid,
        int port,
        String hostAddress,
        String healthPath,
        String readinessPath,
        List<String> jvmOptions,
        JvmProfile jvmProfile,
        DatabaseKind database,
        BuildMode buildMode,
        String memoryLimit,
        String cpuLimit,
        int pidsLimit,
        List<String> sourceDirs,
        RuntimeKind runtime,
        List<String> jlinkModules,
        List<String> jlinkAddModules,
        List<String> jlinkExcludeModules,
        boolean aotCache,
        List<String> aotTrainingPaths,
        List<String> aotTrainingEnv,
        Framework framework,
        List<String> appArgs,
        List<String> migrationArgs,
        String jarName,
        boolean kubernetes) {

    public ServiceModel {
        jvmOptions = List.copyOf(jvmOptions);
        sourceDirs = List.copyOf(sourceDirs);
        jlinkModules = List.copyOf(jlinkModules);
        jlinkAddModules = List.copyOf(jlinkAddModules);
        jlinkExcludeModules = List.copyOf(jlinkExcludeModules);
        aotTrainingPaths = List.copyOf(aotTrainingPaths);
        aotTrainingEnv = List.copyOf(aotTrainingEnv);
        appArgs = List.copyOf(appArgs);
        migrationArgs = List.copyOf(migrationArgs);
    }

    /** Whether the Compose stack includes PostgreSQL. */
    public boolean postgres() {
        return database == DatabaseKind.POSTGRES;
    }

    /** The module's directory prefix for paths in the build context: empty for the root, else {@code path/}. */
    public String modulePrefix() {
        return modulePath.isEmpty() ? "" : modulePath + "/";
    }
}
