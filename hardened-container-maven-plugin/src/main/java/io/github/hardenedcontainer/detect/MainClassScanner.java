package io.github.hardenedcontainer.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the classes in a source tree that carry an annotation and declare {@code main}: how a Spring Boot
 * application names its entry point when the POM does not ({@code @SpringBootApplication}). Reads Java sources
 * as text; nothing is compiled or loaded.
 */
public final class MainClassScanner {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern MAIN = Pattern.compile("\\bstatic\\s+void\\s+main\\s*\\(|\\bvoid\\s+main\\s*\\(\\s*\\)");

    private MainClassScanner() {
    }

    /**
     * @param sourceRoot a source root such as {@code src/main/java}; a missing one yields nothing
     * @param annotation the annotation's simple name, without {@code @}
     * @return the fully qualified names of the matching classes, sorted
     */
    public static List<String> find(Path sourceRoot, String annotation) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        Pattern annotated = Pattern.compile("@(?:[\\w.]+\\.)?" + Pattern.quote(annotation) + "\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (annotated.matcher(text).find() && MAIN.matcher(text).find()) {
                    String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
                    Matcher pkg = PACKAGE.matcher(text);
                    found.add(pkg.find() ? pkg.group(1) + "." + simple : simple);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sources under " + sourceRoot, e);
        }
        return List.copyOf(found);
    }
}
