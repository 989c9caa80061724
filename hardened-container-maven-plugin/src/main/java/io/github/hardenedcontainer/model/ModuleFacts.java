package io.github.hardenedcontainer.model;

import java.util.List;

/**
 * What the build knows about one module, read from its POM by the Maven layer.
 *
 * @param groupId the module's groupId
 * @param artifactId the module's artifactId
 * @param version the module's version
 * @param name the module's name, or {@code null}
 * @param description the module's description, or {@code null}
 * @param packaging the module's packaging ({@code jar}, {@code pom}, ...)
 * @param relativePath the module directory relative to the repository root, with {@code /} separators; empty for the root
 * @param finalName the build's final name (the jar is {@code target/<finalName>.jar})
 * @param dependencies declared dependencies as {@code groupId:artifactId}
 * @param mainClassCandidates main classes found in the POM (jar manifest, exec, shade), best first
 * @param javaRelease the Java release the module compiles for, or {@code null} when not set
 * @param license the first license name, or {@code null}
 * @param scmUrl the SCM URL, or {@code null}
 * @param settings the configuration for this module (the module's own plugin configuration over the shared one)
 * @param sourceDirs the {@code src} directories the module's build needs (its own and those of the reactor
 *     modules it depends on), relative to the repository root, sorted
 * @param skip whether the module's own configuration says {@code <skip>true</skip>}: it is not containerized
 * @param buildPlugins the module's build plugins as {@code groupId:artifactId:version} (version empty when unknown)
 * @param parent the parent POM as {@code groupId:artifactId:version}, or {@code null}
 * @param shadedJar whether maven-shade-plugin replaces the module's jar with a shaded one (its dependencies inside)
 * @param execArguments the program arguments of the exec-maven-plugin configuration, in order
 * @param quarkusPackageType the Quarkus jar type the project states ({@code quarkus.package.jar.type} in its POM
 *     properties or {@code src/main/resources/application.properties}), or {@code null} when it states none
 */
public record ModuleFacts(
        String groupId,
        String artifactId,
        String version,
        String name,
        String description,
        String packaging,
        String relativePath,
        String finalName,
        List<String> dependencies,
        List<String> mainClassCandidates,
        String javaRelease,
        String license,
        String scmUrl,
        Settings settings,
        List<String> sourceDirs,
        boolean skip,
        List<String> buildPlugins,
        String parent,
        boolean shadedJar,
        List<String> execArguments,
        String quarkusPackageType) {

    public ModuleFacts {
        dependencies = List.copyOf(dependencies);
        mainClassCandidates = List.copyOf(mainClassCandidates);
        sourceDirs = List.copyOf(sourceDirs);
        buildPlugins = List.copyOf(buildPlugins);
        execArguments = List.copyOf(execArguments);
    }

    /** A module the configuration does not skip. */
    public ModuleFacts(String groupId, String artifactId, String version, String name, String description,
            String packaging, String relativePath, String finalName, List<String> dependencies,
            List<String> mainClassCandidates, String javaRelease, String license, String scmUrl, Settings settings,
            List<String> sourceDirs) {
        this(groupId, artifactId, version, name, description, packaging, relativePath, finalName, dependencies,
                mainClassCandidates, javaRelease, license, scmUrl, settings, sourceDirs, false, List.of(), null, false,
                List.of(), null);
    }

    /** Whether the module declares the build plugin {@code groupId:artifactId}. */
    public boolean hasPlugin(String key) {
        return plugin(key).isPresent();
    }

    /** The version of the parent {@code groupId:artifactId}, empty when the POM has another parent or none. */
    public java.util.Optional<String> parentVersion(String key) {
        return parent != null && parent.startsWith(key + ":")
                ? java.util.Optional.of(parent.substring(key.length() + 1)) : java.util.Optional.empty();
    }

    /** The version of the build plugin {@code groupId:artifactId}, empty when absent or unknown. */
    public java.util.Optional<String> plugin(String key) {
        return buildPlugins.stream().filter(p -> p.startsWith(key + ":")).findFirst()
                .map(p -> p.substring(key.length() + 1));
    }

    /** Whether this module is the repository root itself (single-module projects). */
    public boolean isRoot() {
        return relativePath.isEmpty();
    }
}
