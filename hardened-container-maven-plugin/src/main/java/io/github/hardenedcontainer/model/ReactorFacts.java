package io.github.hardenedcontainer.model;

import java.util.List;

/**
 * The repository as the build sees it: its modules (the root first) and what the builder stage must copy.
 *
 * @param modules the reactor's modules in build order, the root first
 * @param modulePoms every POM in the reactor relative to the root, with {@code /} separators, sorted
 * @param mavenWrapper whether {@code mvnw} exists at the root
 * @param mavenConfig whether a {@code .mvn} directory exists at the root (the builder copies it)
 * @param settings the repository-wide settings (registry, excludes), from the root's configuration
 * @param problems what reading the modules' configurations found wrong (an unknown element, say); reported with
 *     the validator's problems
 */
public record ReactorFacts(
        List<ModuleFacts> modules,
        List<String> modulePoms,
        boolean mavenWrapper,
        boolean mavenConfig,
        Settings settings,
        List<Problem> problems) {

    public ReactorFacts {
        modules = List.copyOf(modules);
        modulePoms = List.copyOf(modulePoms);
        problems = List.copyOf(problems);
    }

    /** Facts with no configuration problem. */
    public ReactorFacts(List<ModuleFacts> modules, List<String> modulePoms, boolean mavenWrapper, boolean mavenConfig,
            Settings settings) {
        this(modules, modulePoms, mavenWrapper, mavenConfig, settings, List.of());
    }
}
