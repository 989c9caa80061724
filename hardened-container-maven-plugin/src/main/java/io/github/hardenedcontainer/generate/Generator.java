package io.github.hardenedcontainer.generate;

import io.github.hardenedcontainer.model.InvalidConfigurationException;
import io.github.hardenedcontainer.model.OutputFile;
import io.github.hardenedcontainer.model.RepositoryModel;
import io.github.hardenedcontainer.model.ServiceModel;
import io.github.hardenedcontainer.render.TemplateData;
import io.github.hardenedcontainer.render.TemplateException;
import io.github.hardenedcontainer.render.TemplateRenderer;
import io.github.hardenedcontainer.text.Diff;
import io.github.hardenedcontainer.write.FileHeader;
import io.github.hardenedcontainer.write.GeneratedFile;
import io.github.hardenedcontainer.write.PlannedWrite;
import io.github.hardenedcontainer.write.RefusedOverwriteException;
import io.github.hardenedcontainer.write.SafeWriter;
import io.github.hardenedcontainer.write.WriteStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        report(request, plan);
        return plan;
    }

    /**
     * Shows, file by file, what this plugin version changes in the files an earlier version generated (the version
     * each file's header records, the lines removed and added, the diff), then writes them as {@link #generate}
     * does: all or none, never a file a person edited unless forced. With {@code dryRun} it writes nothing.
     */
    public List<PlannedWrite> upgrade(GenerateRequest request, boolean dryRun) throws InvalidConfigurationException,
            TemplateException, RefusedOverwriteException, IOException {
        List<GeneratedFile> files = render(request);
        SafeWriter writer = new SafeWriter(request.outputDirectory());
        List<PlannedWrite> plan = writer.plan(files, request.force());
        String current = request.pluginVersion();
        Map<String, Integer> fromVersions = new TreeMap<>();
        for (PlannedWrite write : plan) {
            String path = write.file().path();
            String existing = Files.exists(write.target()) ? Files.readString(write.target(), StandardCharsets.UTF_8) : null;
            String recorded = existing == null ? null : FileHeader.version(existing).orElse(null);
            if (recorded != null && !write.file().seed()) {
                fromVersions.merge(recorded, 1, Integer::sum);
            }
            String line = switch (write.status()) {
                case CREATED -> "new file";
                case UNCHANGED -> "unchanged";
                case KEPT -> "kept (yours to edit; not upgraded)";
                case UPDATED -> (recorded == null ? "?" : recorded) + " -> " + current;
                case FORCED -> "edited by hand, replaced (force): " + (recorded == null ? "no header" : recorded) + " -> " + current;
                case REFUSED_EDITED -> "edited by hand since " + recorded + ": not replaced (the diff shows what"
                        + " upgrade would write; keep your edit in the plugin configuration or a template override,"
                        + " or replace the file with -Dhardened.force=true)";
                case REFUSED_HANDWRITTEN -> "written by a person (no generated header): not replaced";
            };
            if (existing != null && write.status() != WriteStatus.UNCHANGED && write.status() != WriteStatus.KEPT) {
                String diff = Diff.unified(path + " (" + (recorded == null ? "on disk" : recorded) + ")",
                        path + " (" + current + ")", normalize(existing), write.file().content());
                // Counted on the bodies: the two header lines change with every version.
                Optional<String> oldBody = FileHeader.body(existing);
                Optional<String> newBody = FileHeader.body(write.file().content());
                boolean headerOnly = oldBody.isPresent() && oldBody.equals(newBody);
                int[] changed = Diff.changedLines(oldBody.isPresent() && newBody.isPresent()
                        ? Diff.unified("", "", oldBody.get(), newBody.get()) : diff);
                line += headerOnly ? ": the header alone (the version it names)"
                        : String.format(": %d line(s) removed, %d added", changed[0], changed[1]);
                info.accept(String.format("%-34s %s", path, line));
                if (!headerOnly) {
                    info.accept(diff.stripTrailing());
                }
            } else {
                info.accept(String.format("%-34s %s", path, line));
            }
        }
        long changing = plan.stream().filter(write -> write.status().writes()).count();
        String from = fromVersions.isEmpty() ? "no generated files" : String.join(", ", fromVersions.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + " file" + (e.getValue() == 1 ? "" : "s") + ")").toList());
        info.accept("Upgrade from " + from + " to " + current + ": " + changing + " of " + plan.size() + " files change");
        if (dryRun) {
            info.accept("Dry run: nothing written (run without -Dhardened.dryRun=true to write these changes)");
            return plan;
        }
        writer.apply(plan);
        report(request, plan);
        return plan;
    }

    private void report(GenerateRequest request, List<PlannedWrite> plan) {
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
    }

    private static String normalize(String content) {
        return content.replace("\r\n", "\n");
    }

    private static boolean wanted(OutputFile file, RepositoryModel repo, ServiceModel service) {
        if (repo.excluded().contains(file)) {
            return false;
        }
        if (file.kubernetes()) {
            return service.kubernetes();
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
