package io.github.hardenedcontainer.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * Renders the generator's FreeMarker templates. Lookup order for a template {@code X.ftl}:
 * <ol>
 *   <li>{@code <templateDirectory>/X.ftl}, when a template directory is configured and the file exists;</li>
 *   <li>the built-in {@code X.ftl} shipped in the plugin jar.</li>
 * </ol>
 * Templates use {@code [=expression]} interpolation, so {@code ${...}} is literal text in them.
 * Output is normalised to LF line endings. Rendering is deterministic: the configuration pins locale, time zone
 * and number format, so a port renders as {@code 8080} on every machine.
 *
 * <p>Templates are data, not code: a template directory is often a shared repository that many people can commit
 * to, and {@code generate} and {@code verify} render it on every developer machine and CI runner. So templates
 * cannot create Java objects ({@code ?new} resolves no class at all, which also shuts out FreeMarker's
 * {@code Execute} and {@code ObjectConstructor}), cannot reach the Java API of a value ({@code ?api} is off), see
 * only plain maps, lists, strings, numbers and booleans (a restricted object wrapper), and cannot read a file
 * outside the template directory (a symbolic link that leads out of it is refused before anything renders).
 */
public final class TemplateRenderer {

    /** Where the built-in templates live inside the plugin jar. */
    public static final String BUILT_IN_PREFIX = "/io/github/hardenedcontainer/templates";

    private final Configuration configuration;
    private final Path templateDirectory;

    /**
     * @param templateDirectory a directory of user overrides, or {@code null} for built-ins only
     */
    public TemplateRenderer(Path templateDirectory) throws TemplateException {
        this.templateDirectory = templateDirectory;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        // [=expression] interpolation: ${...} stays literal for Docker, Compose and GitHub Actions expressions.
        cfg.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        // No code from templates: see the class comment.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        cfg.setTemplateLoader(loader(templateDirectory));
        this.configuration = cfg;
    }

    private static TemplateLoader loader(Path templateDirectory) throws TemplateException {
        TemplateLoader builtIn = new ClassTemplateLoader(TemplateRenderer.class, BUILT_IN_PREFIX);
        if (templateDirectory == null) {
            return builtIn;
        }
        File dir = templateDirectory.toFile();
        if (!dir.isDirectory()) {
            throw new TemplateException("<templateDirectory> \"" + templateDirectory + "\" is not a directory:"
                    + " create it with your template overrides (for example Dockerfile.ftl), or leave the"
                    + " parameter out to use the built-in templates", null);
        }
        try {
            refuseLinksOutOf(templateDirectory);
            // FileTemplateLoader(dir) itself also refuses paths outside dir; the check above turns that silent
            // fallback to the built-in template into an error the user can act on.
            return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(dir), builtIn});
        } catch (IOException e) {
            throw new TemplateException("Cannot read <templateDirectory> \"" + templateDirectory + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a template directory with an entry whose real location is outside the directory (a symbolic link to
     * another part of the file system, or a link inside a linked sub-directory).
     */
    private static void refuseLinksOutOf(Path templateDirectory) throws IOException, TemplateException {
        Path root = templateDirectory.toRealPath();
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(templateDirectory)) {
            entries = walk.sorted().toList();
        }
        for (Path entry : entries) {
            Path real;
            try {
                real = entry.toRealPath();
            } catch (IOException e) {
                throw new TemplateException("<templateDirectory> \"" + templateDirectory + "\" holds " + entry
                        + ", a link whose target does not exist: remove it", null);
            }
            if (!real.startsWith(root)) {
                throw new TemplateException("<templateDirectory> \"" + templateDirectory + "\" holds " + entry
                        + ", a link to " + real + " outside the template directory: templates are read only from"
                        + " inside <templateDirectory>; copy the file in instead of linking it", null);
            }
        }
    }

    /** Whether the user's template directory overrides the given template. */
    /** A built-in template's text, by its name relative to the templates ({@code dockerfile/builder.ftl}). */
    public static java.util.Optional<String> builtIn(String templateName) throws IOException {
        if (templateName.contains("..")) {
            return java.util.Optional.empty();
        }
        try (java.io.InputStream in = TemplateRenderer.class.getResourceAsStream(BUILT_IN_PREFIX + "/" + templateName)) {
            return in == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public boolean isOverridden(String templateName) {
        return templateDirectory != null && Files.isRegularFile(templateDirectory.resolve(templateName));
    }

    /** Renders one template with the given data model. */
    public String render(String templateName, Map<String, Object> model) throws TemplateException {
        String origin = isOverridden(templateName)
                ? "template override " + templateDirectory.resolve(templateName)
                : "built-in template " + templateName;
        Template template;
        try {
            template = configuration.getTemplate(templateName);
        } catch (TemplateNotFoundException e) {
            throw new TemplateException("Missing template " + templateName + ": it is neither in the template"
                    + " directory nor built into the plugin (" + BUILT_IN_PREFIX + "/" + templateName + ")", e);
        } catch (ParseException e) {
            throw new TemplateException("Syntax error in " + origin + " at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + firstLine(e.getEditorMessage())
                    + " (fix the template, or delete it to use the built-in one)", null);
        } catch (IOException e) {
            throw new TemplateException("Cannot read " + origin + ": " + e.getMessage(), e);
        }
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (freemarker.template.TemplateException e) {
            Integer line = e.getLineNumber();
            String message = firstLine(e.getMessageWithoutStackTop());
            throw new TemplateException("Error rendering " + origin + (line == null ? "" : " at line " + line)
                    + ": " + message + forbiddenHint(message), e);
        } catch (IOException e) {
            throw new TemplateException("Cannot render " + origin + ": " + e.getMessage(), e);
        }
        return out.toString().replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Names the rule a template broke when FreeMarker refused a Java call, so the user knows it is by design. */
    private static String forbiddenHint(String message) {
        boolean refused = message.contains("?new") || message.contains("?api") || message.contains("api_builtin")
                || message.contains("not allowed in the template for security reasons");
        return refused
                ? " (templates may not create Java objects (?new) or call Java methods (?api): use only the"
                        + " documented data model)"
                : "";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
