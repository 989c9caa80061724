package io.github.hardenedcontainer.maven;

import io.github.hardenedcontainer.detect.FrameworkDetector;
import io.github.hardenedcontainer.detect.MainClassScanner;
import io.github.hardenedcontainer.model.ModuleFacts;
import io.github.hardenedcontainer.model.Problem;
import io.github.hardenedcontainer.model.ReactorFacts;
import io.github.hardenedcontainer.model.Setting;
import io.github.hardenedcontainer.model.Settings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.License;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Reads what the core needs from Maven's project model: the only place that knows {@link MavenProject}. */
final class ReactorReader {

    static final String PLUGIN_KEY = "io.github.hardenedcontainer:hardened-container-maven-plugin";

    private ReactorReader() {
    }

    /**
     * Builds the facts for the projects of this run, relative to the repository root.
     *
     * @param root the repository root (the top-level project's directory)
     * @param all every project of the reactor, in reactor order: the candidate services, and the POMs the
     *     builder stage needs
     * @param current the project whose execution runs the generator
     * @param shared the settings of that execution (parameters and user properties)
     * @param userProperties the command line's {@code -D} properties: {@code -Dhardened.port=9090} applies to every
     *     module that does not set {@code <port>} itself
     */
    static ReactorFacts read(Path root, List<MavenProject> all, MavenProject current, Settings shared,
            java.util.Properties userProperties) {
        Map<String, MavenProject> byKey = new java.util.HashMap<>();
        TreeSet<String> poms = new TreeSet<>(ReactorReader::rootFirst);
        for (MavenProject project : all) {
            String relative = relative(root, project.getBasedir());
            if (relative != null) {
                byKey.put(project.getGroupId() + ":" + project.getArtifactId(), project);
                poms.add(relative.isEmpty() ? "pom.xml" : relative + "/pom.xml");
            }
        }
        List<ModuleFacts> modules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (MavenProject project : all) {
            String relative = relative(root, project.getBasedir());
            if (relative == null) {
                continue;
            }
            String where = relative.isEmpty() ? "" : " (module " + relative + ")";
            Map<String, Object> own = configuration(project);
            Settings settings = project == current ? shared : moduleSettings(shared, own, userProperties, where, problems);
            boolean skip = project != current && "true".equalsIgnoreCase(String.valueOf(own.get(Setting.SKIP.parameterName())));
            modules.add(facts(project, relative, settings, sourceDirs(root, project, byKey), skip));
        }
        return new ReactorFacts(modules, List.copyOf(poms),
                Files.isRegularFile(root.resolve("mvnw")), hasFiles(root.resolve(".mvn")), shared, problems);
    }

    /**
     * Another module's settings, by the {@link Setting} table: repository-wide values from the executing module;
     * each per-module value from the module's own plugin configuration (its effective POM, so a parent's
     * configuration is inherited as Maven inherits it), else from the command line, else the default. Never the
     * executing module's own per-module values: those belong to it alone. An element the table does not know is
     * a problem.
     */
    static Settings moduleSettings(Settings shared, Map<String, Object> own, java.util.Properties userProperties,
            String where, List<Problem> problems) {
        Settings.Builder b = Settings.builder();
        for (Setting setting : Setting.values()) {
            if (!setting.inSettings()) {
                continue;
            }
            if (setting.scope() == Setting.Scope.REPOSITORY) {
                b.set(setting, shared.value(setting));
                continue;
            }
            Object value = own.get(setting.parameterName());
            if (value == null && userProperties != null) {
                value = userProperties.getProperty(setting.property());
            }
            if (value instanceof String text && setting.kind() == Setting.Kind.LIST) {
                value = java.util.Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
            } else if (value instanceof List<?> && setting.kind() == Setting.Kind.TEXT) {
                problems.add(new Problem("<" + setting.parameterName() + ">" + where, null,
                        "takes one value, not a list of elements"));
                value = null;
            }
            b.set(setting, value);
        }
        for (String key : new java.util.TreeSet<>(own.keySet())) {
            if (Setting.byName(key).isEmpty()) {
                problems.add(new Problem("<" + key + ">" + where, null, "is not a parameter of"
                        + " hardened-container-maven-plugin: check the spelling (mvn hardened:help -Ddetail lists them)"));
            }
        }
        return b.build();
    }

    /** Whether the directory exists and holds at least one file (an empty {@code .mvn} need not be copied). */
    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(Files::isRegularFile);
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static String relative(Path root, File basedir) {
        Path dir = basedir.toPath().toAbsolutePath().normalize();
        if (!dir.startsWith(root)) {
            return null;
        }
        return root.relativize(dir).toString().replace(File.separatorChar, '/');
    }

    /** POM paths with the root POM first, then by path. */
    private static int rootFirst(String a, String b) {
        boolean rootA = a.equals("pom.xml");
        boolean rootB = b.equals("pom.xml");
        return rootA == rootB ? a.compareTo(b) : rootA ? -1 : 1;
    }

    /**
     * The {@code src} directories a module's build needs: its own and those of every reactor module it depends
     * on, directly or not, as a dependency or as a build plugin (what {@code mvn -pl module -am} builds).
     */
    private static List<String> sourceDirs(Path root, MavenProject start, Map<String, MavenProject> reactor) {
        TreeSet<String> dirs = new TreeSet<>();
        java.util.Set<MavenProject> seen = new java.util.HashSet<>();
        java.util.Deque<MavenProject> todo = new java.util.ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            MavenProject project = todo.pop();
            if (!seen.add(project)) {
                continue;
            }
            String relative = relative(root, project.getBasedir());
            if (relative != null && Files.isDirectory(project.getBasedir().toPath().resolve("src"))) {
                dirs.add(relative.isEmpty() ? "src" : relative + "/src");
            }
            List<String> upstream = new ArrayList<>();
            project.getDependencies().forEach(d -> upstream.add(d.getGroupId() + ":" + d.getArtifactId()));
            // This plugin is skipped in the builder stage (-Dhardened.skip=true), so it is no build input.
            project.getBuildPlugins().stream().map(p -> p.getGroupId() + ":" + p.getArtifactId())
                    .filter(key -> !key.equals(PLUGIN_KEY)).forEach(upstream::add);
            for (String key : upstream) {
                MavenProject next = reactor.get(key);
                if (next != null) {
                    todo.push(next);
                }
            }
        }
        return List.copyOf(dirs);
    }

    private static ModuleFacts facts(MavenProject project, String relative, Settings settings, List<String> sources,
            boolean skip) {
        List<String> dependencies = new ArrayList<>();
        for (Dependency dependency : project.getDependencies()) {
            dependencies.add(dependency.getGroupId() + ":" + dependency.getArtifactId());
        }
        List<License> licenses = project.getLicenses();
        String license = licenses == null || licenses.isEmpty() ? null : licenses.get(0).getName();
        String scm = project.getScm() == null ? null : project.getScm().getUrl();
        java.util.Properties props = project.getProperties();
        String release = props.getProperty("maven.compiler.release", props.getProperty("maven.compiler.target"));
        List<String> plugins = new ArrayList<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            plugins.add(plugin.getGroupId() + ":" + plugin.getArtifactId() + ":"
                    + (plugin.getVersion() == null ? "" : plugin.getVersion()));
        }
        org.apache.maven.model.Parent declared = project.getModel().getParent();
        String parent = declared == null ? null
                : declared.getGroupId() + ":" + declared.getArtifactId() + ":" + declared.getVersion();
        List<String> mainClasses = mainClasses(project, FrameworkDetector.isSpringBoot(plugins, parent));
        return new ModuleFacts(project.getGroupId(), project.getArtifactId(), project.getVersion(),
                project.getName(), project.getDescription(), project.getPackaging(), relative,
                project.getBuild().getFinalName(), dependencies, mainClasses, release, license, scm,
                settings, sources, skip, plugins, parent, shaded(project), execArguments(project),
                quarkusPackageType(project));
    }

    /**
     * Main classes declared in the POM, most specific first; a value with an unresolved {@code ${...}} (such as
     * Spring Boot's parent's {@code ${start-class}} when the property is not set) is no class name and is left out.
     * For a Spring Boot application whose POM names none, the source class annotated
     * {@code @SpringBootApplication} with a {@code main} method, as Boot's own repackaging finds it.
     */
    static List<String> mainClasses(MavenProject project, boolean springBoot) {
        List<String> found = new ArrayList<>();
        Map<String, Plugin> plugins = project.getBuild().getPluginsAsMap();
        Plugin boot = plugins.get("org.springframework.boot:spring-boot-maven-plugin");
        add(found, text(config(boot), "mainClass"));
        add(found, project.getProperties().getProperty("start-class"));
        add(found, text(config(plugins.get("org.apache.maven.plugins:maven-jar-plugin")), "archive", "manifest", "mainClass"));
        add(found, text(config(plugins.get("org.codehaus.mojo:exec-maven-plugin")), "mainClass"));
        Plugin shade = plugins.get("org.apache.maven.plugins:maven-shade-plugin");
        if (shade != null) {
            for (PluginExecution execution : shade.getExecutions()) {
                Xpp3Dom transformers = node((Xpp3Dom) execution.getConfiguration(), "transformers");
                if (transformers != null) {
                    for (Xpp3Dom transformer : transformers.getChildren()) {
                        add(found, text(transformer, "mainClass"));
                    }
                }
            }
        }
        add(found, text(config(plugins.get("org.apache.maven.plugins:maven-assembly-plugin")), "archive", "manifest", "mainClass"));
        java.util.Properties props = project.getProperties();
        for (String key : List.of("exec.mainClass", "main.class", "mainClass")) {
            add(found, props.getProperty(key));
        }
        if (found.isEmpty() && springBoot) {
            for (String root : project.getCompileSourceRoots()) {
                MainClassScanner.find(Path.of(root), "SpringBootApplication").forEach(c -> add(found, c));
            }
        }
        return found;
    }

    /**
     * Whether maven-shade-plugin's shade goal replaces the module's jar with the shaded one: a shade execution that
     * does not attach the shaded jar under a classifier ({@code shadedArtifactAttached}).
     */
    static boolean shaded(MavenProject project) {
        Plugin shade = project.getBuild().getPluginsAsMap().get("org.apache.maven.plugins:maven-shade-plugin");
        if (shade == null) {
            return false;
        }
        for (PluginExecution execution : shade.getExecutions()) {
            if (execution.getGoals().contains("shade")) {
                Xpp3Dom merged = Xpp3Dom.mergeXpp3Dom((Xpp3Dom) execution.getConfiguration(), config(shade));
                return !"true".equals(text(merged, "shadedArtifactAttached"));
            }
        }
        return false;
    }

    /**
     * The Quarkus jar type the project states: {@code quarkus.package.jar.type} (or Quarkus 2's
     * {@code quarkus.package.type}) among the POM's properties, which Quarkus's Maven plugin passes to its build,
     * else in {@code src/main/resources/application.properties}, where the production profile's
     * {@code %prod.} key wins over the plain one as it does in a {@code package} build. {@code null} when neither
     * states one (Quarkus then builds its fast-jar). The image build checks what Quarkus actually built, so a type
     * set elsewhere (a {@code -D} of the image build, a YAML configuration) fails there with a message.
     */
    static String quarkusPackageType(MavenProject project) {
        java.util.Properties pom = project.getProperties();
        for (String key : List.of("quarkus.package.jar.type", "quarkus.package.type")) {
            if (pom.getProperty(key) != null && !pom.getProperty(key).isBlank()) {
                return pom.getProperty(key).trim();
            }
        }
        java.nio.file.Path file = project.getBasedir().toPath().resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        java.util.Properties app = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            app.load(in);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null; // Quarkus reports a broken file itself
        }
        for (String key : List.of("%prod.quarkus.package.jar.type", "quarkus.package.jar.type",
                "%prod.quarkus.package.type", "quarkus.package.type")) {
            if (app.getProperty(key) != null && !app.getProperty(key).isBlank()) {
                return app.getProperty(key).trim();
            }
        }
        return null;
    }

    /**
     * The program arguments of exec-maven-plugin's configuration ({@code <arguments><argument>}). For
     * {@code exec:java} they are the program's arguments as they are. When they are a {@code java} command line for
     * {@code exec:exec} (they hold a class path: {@code <classpath/>}, {@code %classpath}, {@code -classpath} or
     * {@code -cp}), only the arguments after the main class are the program's: the JVM options and the class path
     * before it are the launcher's (Micronaut's parent configures such a line).
     */
    static List<String> execArguments(MavenProject project) {
        Xpp3Dom arguments = node(config(project.getBuild().getPluginsAsMap().get("org.codehaus.mojo:exec-maven-plugin")),
                "arguments");
        List<String> raw = new ArrayList<>();
        if (arguments != null) {
            for (Xpp3Dom argument : arguments.getChildren()) {
                if ("classpath".equals(argument.getName()) || "modulepath".equals(argument.getName())) {
                    raw.add("%" + argument.getName());
                } else if (argument.getValue() != null && !argument.getValue().isBlank()
                        && !argument.getValue().contains("${")) {
                    raw.add(argument.getValue().trim());
                }
            }
        }
        return programArguments(raw);
    }

    /** See {@link #execArguments}: {@code %classpath} stands for a {@code <classpath/>} element. */
    static List<String> programArguments(List<String> raw) {
        boolean commandLine = raw.stream().anyMatch(a -> a.equals("%classpath") || a.equals("%modulepath")
                || a.equals("-classpath") || a.equals("-cp") || a.equals("--class-path"));
        if (!commandLine) {
            return List.copyOf(raw);
        }
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            boolean pathOption = a.equals("-classpath") || a.equals("-cp") || a.equals("--class-path")
                    || a.equals("-p") || a.equals("--module-path");
            if (pathOption) {
                // Its value is the next argument, unless that is a <classpath/> element or another option.
                if (i + 1 < raw.size() && !raw.get(i + 1).startsWith("-") && !raw.get(i + 1).startsWith("%")) {
                    i++;
                }
            } else if (!a.startsWith("-") && !a.startsWith("%")) {
                return List.copyOf(raw.subList(i + 1, raw.size()));
            }
        }
        return List.of();
    }

    /** This plugin's configuration in a module's POM, as element name to text (or a list of texts). */
    static Map<String, Object> configuration(MavenProject project) {
        Map<String, Object> values = new java.util.HashMap<>();
        Xpp3Dom config = config(project.getBuild().getPluginsAsMap().get(PLUGIN_KEY));
        if (config == null && project.getPluginManagement() != null) {
            config = config(project.getPluginManagement().getPluginsAsMap().get(PLUGIN_KEY));
        }
        if (config != null) {
            for (Xpp3Dom child : config.getChildren()) {
                if (child.getChildCount() > 0) {
                    List<String> items = new ArrayList<>();
                    for (Xpp3Dom item : child.getChildren()) {
                        items.add(item.getValue());
                    }
                    values.put(child.getName(), items);
                } else if (child.getValue() != null) {
                    values.put(child.getName(), child.getValue().trim());
                }
            }
        }
        return values;
    }

    private static Xpp3Dom config(Plugin plugin) {
        return plugin == null ? null : (Xpp3Dom) plugin.getConfiguration();
    }

    private static String text(Xpp3Dom dom, String... path) {
        Xpp3Dom node = dom;
        for (String name : path) {
            if (node == null) {
                return null;
            }
            node = node.getChild(name);
        }
        return node == null || node.getValue() == null || node.getValue().isBlank() ? null : node.getValue().trim();
    }

    private static Xpp3Dom node(Xpp3Dom dom, String name) {
        return dom == null ? null : dom.getChild(name);
    }

    private static void add(List<String> found, String value) {
        String v = value == null ? null : value.trim();
        if (v != null && !v.isEmpty() && !v.contains("${") && !found.contains(v)) {
            found.add(v);
        }
    }
}
