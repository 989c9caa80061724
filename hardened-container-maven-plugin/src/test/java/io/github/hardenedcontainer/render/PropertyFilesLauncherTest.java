package io.github.hardenedcontainer.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's PropertyFiles launcher, from its source in the plugin, compiled for Java 11 as the Dockerfile compiles
 * it and run as the image runs it: it sets each property JAVA_PROPERTY_FILES names from its file (trailing newlines
 * dropped, as PostgreSQL's image reads the same file), leaves a property stated with -D alone, passes the other
 * arguments to the main class, and stops with a message naming the entry when a file cannot be read.
 */
class PropertyFilesLauncherTest {

    @TempDir
    static Path dir;
    static Path classes;

    @BeforeAll
    static void compile() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        try (InputStream in = PropertyFilesLauncherTest.class.getResourceAsStream(
                "/io/github/hardenedcontainer/probe/PropertyFiles.java")) {
            Files.write(src.resolve("PropertyFiles.java"), in.readAllBytes());
        }
        Files.writeString(src.resolve("ShowPassword.java"), "public class ShowPassword {\n"
                + "  public static void main(String[] args) {\n"
                + "    System.out.println(\"[\" + System.getProperty(\"db.password\") + \"] \" + String.join(\" \", args));\n"
                + "  }\n}\n");
        classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "--release", "11", "-d", classes.toString(),
                src.resolve("PropertyFiles.java").toString(), src.resolve("ShowPassword.java").toString()))
                .as("javac --release 11").isZero();
    }

    private static List<Object> run(String propertyFiles, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classes.toString(), "PropertyFiles", "ShowPassword", "migrate", "--dry-run"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_PROPERTY_FILES");
        if (propertyFiles != null) {
            env.put("JAVA_PROPERTY_FILES", propertyFiles);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return List.of(p.exitValue(), out);
    }

    @Test
    void setsThePropertyFromItsFileAndPassesTheArgumentsOn() throws Exception {
        Path secret = dir.resolve("postgres-password");
        Files.writeString(secret, "s3cret with spaces=and equals\r\n\n");
        assertThat(run("db.password=" + secret)).containsExactly(0, "[s3cret with spaces=and equals] migrate --dry-run");
        assertThat(run(" , db.password = " + secret + " ,")).containsExactly(0,
                "[s3cret with spaces=and equals] migrate --dry-run");
    }

    @Test
    void withoutTheVariableItOnlyStartsTheMainClassAndAStatedPropertyWins() throws Exception {
        assertThat(run(null)).containsExactly(0, "[null] migrate --dry-run");
        Path secret = dir.resolve("other-password");
        Files.writeString(secret, "from-file");
        assertThat(run("db.password=" + secret, "-Ddb.password=stated")).containsExactly(0, "[stated] migrate --dry-run");
    }

    @Test
    void anUnreadableFileOrAMalformedEntryStopsWithTheEntryNamed() throws Exception {
        List<Object> missing = run("db.password=" + dir.resolve("nowhere"));
        assertThat(missing.get(0)).isEqualTo(2);
        assertThat((String) missing.get(1)).startsWith("JAVA_PROPERTY_FILES: cannot read the file for db.password:")
                .contains("nowhere");
        assertThat(run("/run/secrets/postgres-password")).containsExactly(2,
                "JAVA_PROPERTY_FILES: '/run/secrets/postgres-password' is not name=/path/to/file");
    }
}
