package io.github.hardenedcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the package boundaries: only the {@code maven} package may use Maven's API, and dependencies between
 * the core packages point one way.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of(System.getProperty("project.basedir", "."))
            .resolve("src/main/java/io/github/hardenedcontainer");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    /** What each core package may import from the plugin's own packages. */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", List.of("model")),
            Map.entry("data", List.of("data")),
            Map.entry("parse", List.of("parse")),
            Map.entry("text", List.of("text")),
            Map.entry("detect", List.of("detect", "model")),
            Map.entry("write", List.of("write", "model")),
            Map.entry("render", List.of("render", "model", "data")),
            Map.entry("generate", List.of("generate", "model", "data", "detect", "render", "write", "text")),
            Map.entry("policy", List.of("policy", "parse", "model", "data")),
            Map.entry("report", List.of("report", "policy")),
            Map.entry("verify", List.of("verify", "generate", "policy", "report", "render", "write", "model", "text")),
            Map.entry("pin", List.of("pin", "model")));

    @Test
    void coreNeverImportsMaven() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            String pkg = SOURCES.relativize(file).getName(0).toString();
            if (pkg.equals("maven")) {
                continue;
            }
            String text = Files.readString(file);
            if (text.contains("import org.apache.maven") || text.contains("import org.codehaus.plexus")) {
                offenders.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(offenders).as("core classes importing Maven").isEmpty();
        assertThat(javaFiles()).as("the scan found the sources").hasSizeGreaterThan(10);
    }

    @Test
    void corePackagesDependDownwardOnly() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            String pkg = SOURCES.relativize(file).getName(0).toString();
            List<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                continue;
            }
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(1);
                if (imported.startsWith("io.github.hardenedcontainer.")) {
                    String target = imported.substring("io.github.hardenedcontainer.".length()).split("\\.")[0];
                    if (!allowed.contains(target)) {
                        offenders.add(SOURCES.relativize(file) + " -> " + target);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
