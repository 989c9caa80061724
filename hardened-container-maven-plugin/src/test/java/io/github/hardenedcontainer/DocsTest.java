package io.github.hardenedcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs name only things that exist: every file path and link, every goal, and every plugin parameter and
 * property they mention.
 */
class DocsTest {

    private static final Path REPO = PluginReferenceTest.BASEDIR.getParent();
    private static final Path RESOURCES = PluginReferenceTest.BASEDIR.resolve("src/main/resources");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/?");
    private static final Pattern EXTENSION = Pattern.compile(".*\\.(md|java|ftl|sh|properties|yml|yaml|xml|json|sarif|groovy|txt|mjs)$");
    private static final Pattern GOAL = Pattern.compile("hardened:([a-z]+)");
    private static final Pattern PROPERTY = Pattern.compile("-Dhardened\\.([A-Za-z]+)|`hardened\\.([A-Za-z]+)`");
    /** A code span that is an XML element: {@code <name>} or {@code <name>value</name>}. */
    private static final Pattern ELEMENT = Pattern.compile("<([a-zA-Z]+)>(?:[^<]*</\\1>)?");

    /** Paths the docs name that the tools create when they run, not files in the repository. */
    private static final List<String> CREATED_AT_RUN_TIME = List.of("target/", "secrets/", "sample-app/secrets/",
            "backup.sql", "sample-app/.env",
            // Written by hardened:pin in a project that pins its images (this repository does not yet).
            "hardened-pins.properties",
            // A Quarkus fast-jar's directories, inside an image.
            "lib/boot", "lib/main", "app/", "quarkus/",
            // Files of a user's project or of the user's own making, named where the docs say what is read from them.
            "src/main/resources/application.properties", "compose.override.yaml");
    /** GitHub Actions are named owner/name, like paths. */
    private static final List<String> ACTION_OWNERS = List.of("actions/", "aquasecurity/", "docker/", "github/",
            "anchore/", "sigstore/");
    /** POM and settings elements the docs show around the plugin's own parameters. */
    private static final Set<String> POM_ELEMENTS = Set.of("plugin", "groupId", "artifactId", "version",
            "configuration", "executions", "execution", "goals", "goal", "pluginGroups", "pluginGroup", "exclude",
            "packaging", "arguments");

    private static List<Path> docs() throws IOException {
        List<Path> files = new ArrayList<>(List.of(REPO.resolve("README.md")));
        try (Stream<Path> list = Files.list(REPO.resolve("docs"))) {
            list.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    private static Set<String> fileNames() throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> walk = Files.walk(REPO)) {
            walk.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/")
                    && !p.toString().contains("/.git/")).forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Test
    void everyPathAndLinkTheDocsNameExists() throws IOException {
        Set<String> names = fileNames();
        List<String> missing = new ArrayList<>();
        for (Path doc : docs()) {
            String text = Files.readString(doc);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1).split("#")[0];
                if (!target.isEmpty() && !target.startsWith("http") && !Files.exists(doc.getParent().resolve(target))) {
                    missing.add(REPO.relativize(doc) + ": link " + target);
                }
            }
            Matcher code = CODE.matcher(text);
            while (code.find()) {
                String token = code.group(1).trim();
                if (!PATH.matcher(token).matches() || !(token.contains("/") || EXTENSION.matcher(token).matches())
                        || token.startsWith("/") || CREATED_AT_RUN_TIME.stream().anyMatch(token::startsWith)
                        || ACTION_OWNERS.stream().anyMatch(token::startsWith)) {
                    continue;
                }
                String clean = token.endsWith("/") ? token.substring(0, token.length() - 1) : token;
                boolean exists = Files.exists(REPO.resolve(clean)) || Files.exists(RESOURCES.resolve(clean))
                        || Files.exists(RESOURCES.resolve("io/github/hardenedcontainer").resolve(clean))
                        || Files.exists(RESOURCES.resolve("io/github/hardenedcontainer/templates").resolve(clean))
                        || (!clean.contains("/") && names.contains(clean));
                if (!exists) {
                    missing.add(REPO.relativize(doc) + ": " + token);
                }
            }
        }
        assertThat(missing).as("paths named in the docs that do not exist").isEmpty();
    }

    @Test
    void everyGoalAndParameterTheDocsNameExists() throws Exception {
        var goals = PluginReferenceTest.goals();
        Set<String> parameters = new HashSet<>();
        Set<String> properties = new HashSet<>();
        goals.values().forEach(g -> g.getValue().forEach(p -> {
            parameters.add(p.name());
            if (!p.property().isEmpty()) {
                properties.add(p.property());
            }
        }));
        List<String> unknown = new ArrayList<>();
        for (Path doc : docs()) {
            String text = Files.readString(doc);
            Matcher goal = GOAL.matcher(text);
            while (goal.find()) {
                if (!goals.containsKey(goal.group(1))) {
                    unknown.add(REPO.relativize(doc) + ": goal hardened:" + goal.group(1));
                }
            }
            Matcher property = PROPERTY.matcher(text);
            while (property.find()) {
                String name = "hardened." + (property.group(1) != null ? property.group(1) : property.group(2));
                if (!properties.contains(name)) {
                    unknown.add(REPO.relativize(doc) + ": property " + name);
                }
            }
            Matcher code = CODE.matcher(text);
            while (code.find()) {
                Matcher element = ELEMENT.matcher(code.group(1).trim());
                if (element.matches()) {
                    String name = element.group(1);
                    if (!parameters.contains(name) && !POM_ELEMENTS.contains(name)) {
                        unknown.add(REPO.relativize(doc) + ": parameter <" + name + ">");
                    }
                }
            }
        }
        assertThat(unknown).as("goals, properties and parameters named in the docs that the plugin lacks").isEmpty();
        assertThat(goals.keySet()).containsExactlyInAnyOrder("generate", "verify", "upgrade", "pin", "help");
    }
}
