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
 * @param pins the digests hardened:pin resolved for image tags ({@code hardened-pins.properties})
 */
public record ReactorFacts(
        List<ModuleFacts> modules,
        List<String> modulePoms,
        boolean mavenWrapper,
        boolean mavenConfig,
        Settings settings,
        List<Problem> problems,
        ImagePins pins) {

    public ReactorFacts {
        modules = List.copyOf(modules);
        modulePoms = List.copyOf(modulePoms);
        problems = List.copyOf(problems);
        pins = pins == null ? ImagePins.none() : pins;
    }

    /** Facts without pins. */
    public ReactorFacts(List<ModuleFacts> modules, List<String> modulePoms, boolean mavenWrapper, boolean mavenConfig,
            Settings settings, List<Problem> problems) {
        this(modules, modulePoms, mavenWrapper, mavenConfig, settings, problems, ImagePins.none());
    }

    /** These facts with the given pins. */
    public ReactorFacts withPins(ImagePins pins) {
        return new ReactorFacts(modules, modulePoms, mavenWrapper, mavenConfig, settings, problems, pins);
    }

    /** Facts with no configuration problem. */
    public ReactorFacts(List<ModuleFacts> modules, List<String> modulePoms, boolean mavenWrapper, boolean mavenConfig,
            Settings settings) {
        this(modules, modulePoms, mavenWrapper, mavenConfig, settings, List.of());
    }
}
