package io.github.hardenedcontainer.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the Quarkus jar type a project states is read from, and which statement wins. */
class QuarkusPackageTypeTest {

    @TempDir
    Path dir;

    private MavenProject project() {
        MavenProject project = new MavenProject(new Model());
        project.setFile(new File(dir.toFile(), "pom.xml"));
        return project;
    }

    private void applicationProperties(String text) throws Exception {
        Path file = dir.resolve("src/main/resources/application.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void nothingStatedIsNull() {
        assertThat(ReactorReader.quarkusPackageType(project())).isNull();
    }

    @Test
    void applicationPropertiesWithTheProductionProfileWinningOverThePlainKey() throws Exception {
        applicationProperties("quarkus.package.jar.type=fast-jar\n%prod.quarkus.package.jar.type = uber-jar\n");
        assertThat(ReactorReader.quarkusPackageType(project())).isEqualTo("uber-jar");
        applicationProperties("# Quarkus 2's key\nquarkus.package.type=uber-jar\n%dev.quarkus.package.jar.type=fast-jar\n");
        assertThat(ReactorReader.quarkusPackageType(project())).isEqualTo("uber-jar");
    }

    @Test
    void thePomsPropertiesWinOverApplicationProperties() throws Exception {
        applicationProperties("quarkus.package.jar.type=fast-jar\n");
        MavenProject project = project();
        project.getProperties().setProperty("quarkus.package.jar.type", " uber-jar ");
        assertThat(ReactorReader.quarkusPackageType(project)).isEqualTo("uber-jar");
    }
}
