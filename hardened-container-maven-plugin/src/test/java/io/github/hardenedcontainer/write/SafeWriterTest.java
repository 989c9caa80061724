package io.github.hardenedcontainer.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hardenedcontainer.model.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeWriterTest {

    @TempDir
    Path dir;

    private static GeneratedFile generated(String path, String body) {
        return new GeneratedFile(path, FileHeader.wrap(body, "1.0"), false);
    }

    private List<PlannedWrite> write(boolean force, GeneratedFile... files) throws Exception {
        SafeWriter writer = new SafeWriter(dir);
        List<PlannedWrite> plan = writer.plan(List.of(files), force);
        writer.apply(plan);
        return plan;
    }

    @Test
    void createsThenLeavesUnchangedThenUpdates() throws Exception {
        assertThat(write(false, generated("a/Dockerfile", "FROM x\n"))).extracting(PlannedWrite::status)
                .containsExactly(WriteStatus.CREATED);
        Path file = dir.resolve("a/Dockerfile");
        long modified = Files.getLastModifiedTime(file).toMillis();
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(modified - 10_000));

        assertThat(write(false, generated("a/Dockerfile", "FROM x\n"))).extracting(PlannedWrite::status)
                .containsExactly(WriteStatus.UNCHANGED);
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("unchanged file not touched").isEqualTo(modified - 10_000);

        assertThat(write(false, generated("a/Dockerfile", "FROM y\n"))).extracting(PlannedWrite::status)
                .containsExactly(WriteStatus.UPDATED);
        assertThat(Files.readString(file)).endsWith("FROM y\n");
        try (var listing = Files.list(dir.resolve("a"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("Dockerfile");
        }
    }

    @Test
    void refusesHandWrittenAndEditedFilesAndWritesNothing() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM mine\n");
        write(false, generated("compose.yaml", "services: {}\n"));
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(compose).replace("{}", "{x: 1}"));
        String editedCompose = Files.readString(compose);

        assertThatThrownBy(() -> write(false, generated("Dockerfile", "FROM x\n"), generated("compose.yaml",
                "services: {}\n"), generated(".dockerignore", "*\n")))
                .isInstanceOf(RefusedOverwriteException.class)
                .hasMessageContaining("Refusing to overwrite 2 files that a person wrote or edited; nothing was written:")
                .hasMessageContaining("  - Dockerfile: refused: written by a person (no generated header)")
                .hasMessageContaining("  - compose.yaml: refused: edited after generation (fingerprint differs)")
                .hasMessageContaining("-Dhardened.force=true");

        assertThat(Files.readString(dir.resolve("Dockerfile"))).isEqualTo("FROM mine\n");
        assertThat(Files.readString(compose)).isEqualTo(editedCompose);
        assertThat(dir.resolve(".dockerignore")).doesNotExist();
    }

    @Test
    void newFilesAreWorldReadableAndReplacedFilesKeepTheirPermissions() throws Exception {
        write(false, generated("Dockerfile", "FROM x\n"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("Dockerfile")))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(dir.resolve("Dockerfile"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        write(false, generated("Dockerfile", "FROM y\n"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("Dockerfile")))).isEqualTo("rw-rw-r--");
    }

    @Test
    void aWholeFileReplacementIsWorldReadableThenKeepsItsPermissions() throws Exception {
        Path pins = dir.resolve("hardened-pins.properties");
        SafeWriter.replace(pins, "a=1\n");
        assertThat(Files.readString(pins)).isEqualTo("a=1\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(pins)))
                .isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(pins, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        SafeWriter.replace(pins, "a=2\n");
        assertThat(Files.readString(pins)).isEqualTo("a=2\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(pins)))
                .isEqualTo("rw-rw-r--");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("hardened-pins.properties");
        }
    }

    @Test
    void forceReplacesHandWrittenFiles() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM mine\n");
        assertThat(write(true, generated("Dockerfile", "FROM x\n"))).extracting(PlannedWrite::status)
                .containsExactly(WriteStatus.FORCED);
        assertThat(Files.readString(dir.resolve("Dockerfile"))).endsWith("FROM x\n");
    }

    @Test
    void seedFilesAreCreatedOnceThenKept() throws Exception {
        GeneratedFile seed = new GeneratedFile(".trivyignore", FileHeader.wrapSeed("# entries\n", "1.0"), true);
        assertThat(write(false, seed)).extracting(PlannedWrite::status).containsExactly(WriteStatus.CREATED);
        Files.writeString(dir.resolve(".trivyignore"), "CVE-2026-0001 exp:2027-01-01\n", StandardCharsets.UTF_8);
        assertThat(write(true, seed)).extracting(PlannedWrite::status).containsExactly(WriteStatus.KEPT);
        assertThat(Files.readString(dir.resolve(".trivyignore"))).isEqualTo("CVE-2026-0001 exp:2027-01-01\n");
    }

    @Test
    void outputUnderARegularFileIsAConfigurationProblem() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        SafeWriter writer = new SafeWriter(blocker);
        List<PlannedWrite> plan = writer.plan(List.of(generated("Dockerfile", "FROM x\n")), false);
        assertThatThrownBy(() -> writer.apply(plan))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<outputDirectory> (got \"" + blocker + "\"): cannot write Dockerfile: "
                        + blocker + " is not a writable directory");
    }

    @Test
    void headerFingerprintDetectsEdits() {
        String content = FileHeader.wrap("line\n", "2.0");
        assertThat(FileHeader.isUnedited(content)).contains(true);
        assertThat(FileHeader.isUnedited(content.replace("line", "LINE"))).contains(false);
        assertThat(FileHeader.isUnedited(content.replace("\n", "\r\n"))).contains(true);
        assertThat(FileHeader.isUnedited("FROM x\n")).isEmpty();
        assertThat(content.lines().findFirst().orElseThrow())
                .isEqualTo("# Generated by hardened-container-maven-plugin 2.0. Edit the plugin configuration,"
                        + " then run: mvn hardened:generate");
    }
}
