package io.github.hardenedcontainer.generate;

import io.github.hardenedcontainer.model.InvalidConfigurationException;
import io.github.hardenedcontainer.model.OutputFile;
import io.github.hardenedcontainer.model.RepositoryModel;
import io.github.hardenedcontainer.model.ServiceModel;
import io.github.hardenedcontainer.render.TemplateData;
import io.github.hardenedcontainer.render.TemplateException;
import io.github.hardenedcontainer.render.TemplateRenderer;
import io.github.hardenedcontainer.write.FileHeader;
import io.github.hardenedcontainer.write.GeneratedFile;
import io.github.hardenedcontainer.write.PlannedWrite;
import io.github.hardenedcontainer.write.RefusedOverwriteException;
import io.github.hardenedcontainer.write.SafeWriter;
import io.github.hardenedcontainer.write.WriteStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The generator: validates the configuration, renders every file in memory, checks the rendered YAML parses,
 * and only then writes, all or nothing.
 */
public final class Generator {

    private final Consumer<String> info;

    public Generator(Consumer<String> info) {
        this.info = info;
    }

    /** Validates and renders everything in memory; writes nothing. */
    public List<GeneratedFile> render(GenerateRequest request) throws InvalidConfigurationException, TemplateException {
        RepositoryModel repo = new ConfigurationValidator(info).validate(request.facts());
        TemplateRenderer renderer = new TemplateRenderer(request.templateDirectory());
        List<GeneratedFile> files = new ArrayList<>();
        Map<String, Object> repositoryModel = TemplateData.forRepository(repo);
        for (ServiceModel service : repo.services()) {
            Map<String, Object> model = TemplateData.forService(repositoryModel, service);
            for (OutputFile file : OutputFile.values()) {
                if (file.scope() == OutputFile.Scope.SERVICE && wanted(file, repo, service)) {
                    files.add(render(renderer, file, service.modulePrefix() + file.path(), model, request));
                }
            }
        }
        for (OutputFile file : OutputFile.values()) {
            if (file.scope() == OutputFile.Scope.REPOSITORY && !repo.excluded().contains(file)) {
                files.add(render(renderer, file, file.path(), repositoryModel, request));
            }
        }
        return files;
    }

    /** Renders, then writes all files or none; logs each file's outcome. */
    public List<PlannedWrite> generate(GenerateRequest request) throws InvalidConfigurationException, TemplateException,
            RefusedOverwriteException, IOException {
        List<GeneratedFile> files = render(request);
        SafeWriter writer = new SafeWriter(request.outputDirectory());
        List<PlannedWrite> plan = writer.plan(files, request.force());
        writer.apply(plan);
        Map<WriteStatus, Integer> counts = new EnumMap<>(WriteStatus.class);
        for (PlannedWrite write : plan) {
            info.accept(String.format("%-34s %s", write.file().path(), write.status().description()));
            counts.merge(write.status(), 1, Integer::sum);
        }
        StringBuilder summary = new StringBuilder().append(plan.size()).append(" container files in ")
                .append(request.outputDirectory()).append(':');
        counts.forEach((status, n) -> summary.append(' ').append(n).append(' ').append(status.description()).append(','));
        summary.setLength(summary.length() - 1);
        info.accept(summary.toString());
        return plan;
    }

    private static boolean wanted(OutputFile file, RepositoryModel repo, ServiceModel service) {
        if (repo.excluded().contains(file)) {
            return false;
        }
        return file != OutputFile.SECRETS_GITIGNORE || service.postgres();
    }

    private static GeneratedFile render(TemplateRenderer renderer, OutputFile file, String path,
            Map<String, Object> model, GenerateRequest request) throws TemplateException {
        String body = renderer.render(file.templateName(), model);
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            checkYaml(renderer, file, path, body);
        }
        String content = file.seed()
                ? FileHeader.wrapSeed(body, request.pluginVersion())
                : FileHeader.wrap(body, request.pluginVersion());
        return new GeneratedFile(path, content, file.seed());
    }

    private static void checkYaml(TemplateRenderer renderer, OutputFile file, String path, String body)
            throws TemplateException {
        try {
            new Yaml(new SafeConstructor(new LoaderOptions())).load(body);
        } catch (YAMLException e) {
            String where = e instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                    ? " at line " + (marked.getProblemMark().getLine() + 1)
                    : "";
            String origin = renderer.isOverridden(file.templateName())
                    ? "template override " + file.templateName()
                    : "built-in template " + file.templateName();
            throw new TemplateException("The " + origin + " rendered " + path + " as invalid YAML" + where + ": "
                    + e.getMessage().lines().findFirst().orElse("") + " (fix the template)", e);
        }
    }
}
