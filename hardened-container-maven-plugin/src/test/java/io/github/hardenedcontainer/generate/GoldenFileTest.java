package io.github.hardenedcontainer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hardenedcontainer.Fixtures;
import io.github.hardenedcontainer.model.ReactorFacts;
import io.github.hardenedcontainer.write.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders each representative configuration and compares every file, and the file list, byte for byte with
 * {@code src/test/resources/golden/<case>/}. Run with {@code -Dgolden.update=true} to rewrite the expected files
 * after an intended template change, then review the diff.
 */
class GoldenFileTest {

    static final Path GOLDEN = Path.of(System.getProperty("project.basedir", ".")).resolve("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> renderedFilesMatchGoldenFiles() {
        return GoldenCases.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
    }

    private static void check(String name, ReactorFacts facts) throws Exception {
        Map<String, String> rendered = render(facts);
        assertThat(render(facts)).as("a second render gives the same bytes").isEqualTo(rendered);
        Path dir = GOLDEN.resolve(name);
        if (UPDATE) {
            write(dir, rendered);
        }
        assertThat(rendered).as("rendered files of case %s", name).isEqualTo(read(dir));
        rendered.values().forEach(content -> {
            assertThat(content).doesNotContain("\r");
            assertThat(content).endsWith("\n");
        });
    }

    static Map<String, String> render(ReactorFacts facts) throws Exception {
        GenerateRequest request = new GenerateRequest(facts, Path.of("unused"), null, false, Fixtures.VERSION);
        List<GeneratedFile> files = new Generator(line -> { }).render(request);
        Map<String, String> byPath = new TreeMap<>();
        for (GeneratedFile file : files) {
            byPath.put(file.path(), file.content());
        }
        return byPath;
    }

    static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
