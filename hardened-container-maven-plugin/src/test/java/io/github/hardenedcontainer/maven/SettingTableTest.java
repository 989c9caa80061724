package io.github.hardenedcontainer.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hardenedcontainer.model.Problem;
import io.github.hardenedcontainer.model.Setting;
import io.github.hardenedcontainer.model.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@link Setting} table against the goals as Maven sees them (the plugin descriptor built from the Mojos'
 * annotations), and the per-module merge that walks it: a parameter added to a Mojo but not to the table, or to
 * the table but not merged, fails here.
 */
class SettingTableTest {

    private static final Path DESCRIPTOR = Path.of(System.getProperty("project.basedir", "."))
            .resolve("target/classes/META-INF/maven/plugin.xml");

    /** One goal parameter as the descriptor declares it. */
    private record Declared(String goal, String type, String property, String defaultValue) {
    }

    /** Every editable parameter of every goal but help, by name. */
    private static Map<String, List<Declared>> declared() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        Map<String, List<Declared>> all = new TreeMap<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
            if (goal.equals("help")) {
                continue;
            }
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList params = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int p = 0; p < params.getLength(); p++) {
                Element param = (Element) params.item(p);
                if (!"true".equals(param.getElementsByTagName("editable").item(0).getTextContent())) {
                    continue;
                }
                String name = param.getElementsByTagName("name").item(0).getTextContent();
                Element conf = (Element) configuration.getElementsByTagName(name).item(0);
                String property = conf == null ? null : conf.getTextContent().replaceAll("^\\$\\{(.*)}$", "$1");
                String defaultValue = conf == null || !conf.hasAttribute("default-value") ? null : conf.getAttribute("default-value");
                all.computeIfAbsent(name, k -> new ArrayList<>()).add(new Declared(goal,
                        param.getElementsByTagName("type").item(0).getTextContent(), property, defaultValue));
            }
        }
        return all;
    }

    private static String type(Setting.Kind kind) {
        return switch (kind) {
            case TEXT -> "java.lang.String";
            case LIST -> "java.util.List";
            case FLAG -> "boolean";
            case FILE -> "java.io.File";
        };
    }

    @Test
    void everyGoalParameterIsInTheTableWithItsPropertyTypeAndDefault() throws Exception {
        Map<String, List<Declared>> declared = declared();
        assertThat(declared).isNotEmpty();
        for (Map.Entry<String, List<Declared>> entry : declared.entrySet()) {
            Setting setting = Setting.byName(entry.getKey()).orElse(null);
            assertThat(setting).as("<%s> is a goal parameter but not in the Setting table", entry.getKey()).isNotNull();
            for (Declared d : entry.getValue()) {
                assertThat(d.property()).as("%s %s property", d.goal(), setting).isEqualTo(setting.property());
                assertThat(d.type()).as("%s %s type", d.goal(), setting).isEqualTo(type(setting.kind()));
                assertThat(d.defaultValue()).as("%s %s default", d.goal(), setting)
                        .isEqualTo(setting.injected() ? setting.defaultValue() : null);
            }
        }
        for (Setting setting : Setting.values()) {
            assertThat(declared).as("%s is in the table but no goal has it", setting).containsKey(setting.parameterName());
            if (setting.scope() != Setting.Scope.GOAL) {
                assertThat(declared.get(setting.parameterName())).extracting(Declared::goal)
                        .as("%s applies to every goal", setting).contains("generate", "verify");
            }
        }
    }

    /** A distinct value for every settings parameter, of its kind. */
    private static Map<String, Object> ownValues(String tag) {
        Map<String, Object> own = new HashMap<>();
        for (Setting s : Setting.values()) {
            if (s.inSettings()) {
                own.put(s.parameterName(), s.kind() == Setting.Kind.LIST ? List.of(tag + "-" + s.parameterName())
                        : tag + "-" + s.parameterName());
            }
        }
        return own;
    }

    @Test
    void aModuleGetsItsOwnValueOfEveryPerModuleSettingAndTheRepositoryValueOfTheRest() {
        Settings.Builder executing = Settings.builder();
        ownValues("executing").forEach((name, value) -> executing.set(Setting.byName(name).orElseThrow(), value));
        Settings shared = executing.build();
        List<Problem> problems = new ArrayList<>();
        Settings module = ReactorReader.moduleSettings(shared, ownValues("own"), new Properties(), " (module m)", problems);
        assertThat(problems).isEmpty();
        for (Setting s : Setting.values()) {
            if (!s.inSettings()) {
                continue;
            }
            Object expected = s.scope() == Setting.Scope.REPOSITORY ? shared.value(s) : ownValues("own").get(s.parameterName());
            assertThat(module.value(s)).as("%s (%s)", s, s.scope()).isEqualTo(expected);
        }
    }

    @Test
    void theExecutingModulesOwnValuesNeverReachAnotherModule() {
        Settings shared = Settings.builder().mainClass("com.example.app.Main").healthPath("/app-health").port("9000")
                .registry("registry.example.com").build();
        Settings library = ReactorReader.moduleSettings(shared, Map.of(), new Properties(), " (module lib)", new ArrayList<>());
        assertThat(library.mainClass()).isNull();
        assertThat(library.healthPath()).isNull();
        assertThat(library.text(Setting.HEALTH_PATH)).isEqualTo("/health");
        assertThat(library.port()).isNull();
        assertThat(library.registry()).isEqualTo("registry.example.com");
    }

    @Test
    void theCommandLineAppliesToEveryModuleThatDoesNotSetTheValueItself() {
        Properties user = new Properties();
        user.setProperty("hardened.port", "7070");
        user.setProperty("hardened.jvmOptions", "-Xss1m, -XX:+UseZGC");
        List<Problem> problems = new ArrayList<>();
        Settings plain = ReactorReader.moduleSettings(Settings.defaults(), Map.of(), user, "", problems);
        assertThat(plain.port()).isEqualTo("7070");
        assertThat(plain.jvmOptions()).containsExactly("-Xss1m", "-XX:+UseZGC");
        Settings own = ReactorReader.moduleSettings(Settings.defaults(), Map.of("port", "8081"), user, "", problems);
        assertThat(own.port()).isEqualTo("8081");
        assertThat(problems).isEmpty();
    }

    @Test
    void anUnknownElementAndAListForATextParameterAreProblems() {
        List<Problem> problems = new ArrayList<>();
        ReactorReader.moduleSettings(Settings.defaults(), Map.of("helthPath", "/h", "port", List.of("1", "2")),
                new Properties(), " (module api)", problems);
        assertThat(problems).extracting(Problem::describe).containsExactly(
                "<port> (module api): takes one value, not a list of elements",
                "<helthPath> (module api): is not a parameter of hardened-container-maven-plugin: check the spelling"
                        + " (mvn hardened:help -Ddetail lists them)");
    }
}
