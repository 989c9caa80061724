package io.github.hardenedcontainer.model;

import java.util.List;
import java.util.Set;

/**
 * Everything generated for one repository: its runnable services plus the repository-wide settings.
 *
 * @param services the runnable modules, in reactor order
 * @param multiModule whether the services are modules of a reactor (Dockerfiles build from the root)
 * @param modulePoms every POM of the reactor relative to the root, sorted
 * @param sourceDirs the {@code src} directories the services' builds need, relative to the root, sorted
 * @param mavenWrapper whether the repository has {@code mvnw} (the workflow then builds with it)
 * @param mavenConfig whether the root has a {@code .mvn} directory
 * @param pipeline how the workflow gates and publishes
 * @param ciJavaVersion the Java version the workflow's build job sets up
 * @param excluded files the user asked not to generate
 */
public record RepositoryModel(
        List<ServiceModel> services,
        boolean multiModule,
        List<String> modulePoms,
        List<String> sourceDirs,
        boolean mavenWrapper,
        boolean mavenConfig,
        Pipeline pipeline,
        String ciJavaVersion,
        Set<OutputFile> excluded) {

    public RepositoryModel {
        services = List.copyOf(services);
        modulePoms = List.copyOf(modulePoms);
        sourceDirs = List.copyOf(sourceDirs);
        excluded = Set.copyOf(excluded);
    }

    /** Whether any service runs PostgreSQL beside it. */
    public boolean anyPostgres() {
        return services.stream().anyMatch(ServiceModel::postgres);
    }
}
