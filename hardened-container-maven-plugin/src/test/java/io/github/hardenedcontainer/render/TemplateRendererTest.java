package io.github.hardenedcontainer.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template directory is often shared by many committers: its templates must not be able to run code or read
 * files outside it, on any developer machine or CI runner that renders them.
 */
class TemplateRendererTest {

    @TempDir
    Path tmp;

    private Path templates() throws IOException {
        return Files.createDirectories(tmp.resolve("templates"));
    }

    private static Map<String, Object> model() {
        return Map.of("service", Map.of("port", 8080, "name", "demo", "tags", List.of("a", "b")));
    }

    @Test
    void overrideSeesThePlainDataModel() throws Exception {
        Path dir = templates();
        Files.writeString(dir.resolve("Dockerfile.ftl"), "EXPOSE [=service.port] [=service.name] [=service.tags?join(\",\")]\n");
        String out = new TemplateRenderer(dir).render("Dockerfile.ftl", model());
        assertThat(out).isEqualTo("EXPOSE 8080 demo a,b\n");
    }

    @Test
    void executeThroughNewIsRefusedAndRunsNothing() throws Exception {
        Path dir = templates();
        Path marker = tmp.resolve("ran");
        Files.writeString(dir.resolve("Dockerfile.ftl"), "<#assign ex = \"freemarker.template.utility.Execute\"?new()>"
                + "[=ex(\"touch " + marker + "\")]\n");
        TemplateRenderer renderer = new TemplateRenderer(dir);
        assertThatThrownBy(() -> renderer.render("Dockerfile.ftl", model()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("template override " + dir.resolve("Dockerfile.ftl") + " at line 1")
                .hasMessageContaining("freemarker.template.utility.Execute")
                .hasMessageContaining("templates may not create Java objects (?new) or call Java methods (?api)");
        assertThat(marker).doesNotExist();
    }

    @Test
    void anyClassThroughNewIsRefused() throws Exception {
        Path dir = templates();
        Files.writeString(dir.resolve("compose.yaml.ftl"),
                "<#assign c = \"freemarker.template.utility.ObjectConstructor\"?new()>[=c(\"java.io.File\", \"/\")]\n");
        Files.writeString(dir.resolve("Dockerfile.ftl"), "<#assign d = \"java.util.Date\"?new()>[=d?string]\n");
        TemplateRenderer renderer = new TemplateRenderer(dir);
        assertThatThrownBy(() -> renderer.render("compose.yaml.ftl", model()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("ObjectConstructor")
                .hasMessageContaining("templates may not create Java objects");
        assertThatThrownBy(() -> renderer.render("Dockerfile.ftl", model()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("java.util.Date")
                .hasMessageContaining("templates may not create Java objects");
    }

    @Test
    void javaApiOfAValueIsRefused() throws Exception {
        Path dir = templates();
        Files.writeString(dir.resolve("Dockerfile.ftl"), "[=service?api.getClass().getName()]\n");
        TemplateRenderer renderer = new TemplateRenderer(dir);
        assertThatThrownBy(() -> renderer.render("Dockerfile.ftl", model()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("?api")
                .hasMessageContaining("templates may not create Java objects (?new) or call Java methods (?api)");
    }

    @Test
    void includeOutsideTheDirectoryIsRefused() throws Exception {
        Path dir = templates();
        Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        Files.writeString(dir.resolve("Dockerfile.ftl"), "<#include \"../secret.txt\">\n");
        TemplateRenderer renderer = new TemplateRenderer(dir);
        assertThatThrownBy(() -> renderer.render("Dockerfile.ftl", model()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("template override")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP SECRET"));
    }

    @Test
    void linkToAFileOutsideIsRefusedNamingTemplateDirectory() throws Exception {
        Path dir = templates();
        Path outside = Files.writeString(tmp.resolve("elsewhere.ftl"), "FROM scratch\n");
        Files.createSymbolicLink(dir.resolve("Dockerfile.ftl"), outside);
        assertThatThrownBy(() -> new TemplateRenderer(dir))
                .isInstanceOf(TemplateException.class)
                .hasMessage("<templateDirectory> \"" + dir + "\" holds " + dir.resolve("Dockerfile.ftl") + ", a link to "
                        + outside.toRealPath() + " outside the template directory: templates are read only from inside"
                        + " <templateDirectory>; copy the file in instead of linking it");
    }

    @Test
    void linkedDirectoryLeadingOutIsRefused() throws Exception {
        Path dir = templates();
        Path outside = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(outside.resolve("part.ftl"), "x\n");
        Files.createSymbolicLink(dir.resolve("parts"), outside);
        assertThatThrownBy(() -> new TemplateRenderer(dir))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("<templateDirectory> \"" + dir + "\" holds " + dir.resolve("parts"))
                .hasMessageContaining("outside the template directory");
    }

    @Test
    void danglingLinkIsRefused() throws Exception {
        Path dir = templates();
        Files.createSymbolicLink(dir.resolve("Dockerfile.ftl"), tmp.resolve("missing.ftl"));
        assertThatThrownBy(() -> new TemplateRenderer(dir))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("a link whose target does not exist: remove it");
    }

    @Test
    void linkInsideTheDirectoryIsAccepted() throws Exception {
        Path dir = templates();
        Path real = Files.writeString(dir.resolve("shared.ftl"), "FROM [=service.name]\n");
        Files.createSymbolicLink(dir.resolve("Dockerfile.ftl"), real);
        assertThat(new TemplateRenderer(dir).render("Dockerfile.ftl", model())).isEqualTo("FROM demo\n");
    }
}
