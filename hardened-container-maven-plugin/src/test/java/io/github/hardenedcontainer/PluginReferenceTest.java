package io.github.hardenedcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code docs/plugin-reference.md} is rendered from the plugin descriptor that maven-plugin-plugin builds from the
 * Mojos' annotations and Javadoc, so the reference cannot drift from the code. {@code -Dgolden.update=true}
 * rewrites it after an intended change.
 */
class PluginReferenceTest {

    static final Path BASEDIR = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();
    static final Path DESCRIPTOR = BASEDIR.resolve("target/classes/META-INF/maven/plugin.xml");
    private static final Path DOC = BASEDIR.getParent().resolve("docs/plugin-reference.md");
    private static final String BEGIN = "<!-- reference:begin (rendered from the plugin descriptor by PluginReferenceTest) -->";
    private static final String END = "<!-- reference:end -->";

    /** A goal's user-facing parameter. */
    record Parameter(String name, String property, String defaultValue, String description) {
    }

    /** Goal name to its description and parameters, from the descriptor. */
    static Map<String, Map.Entry<String, List<Parameter>>> goals() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document doc = factory.newDocumentBuilder().parse(DESCRIPTOR.toFile());
        Map<String, Map.Entry<String, List<Parameter>>> goals = new TreeMap<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal");
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            List<Parameter> parameters = new ArrayList<>();
            NodeList params = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int p = 0; p < params.getLength(); p++) {
                Element param = (Element) params.item(p);
                if (!"true".equals(child(param, "editable"))) {
                    continue;
                }
                String name = child(param, "name");
                String property = "";
                String defaultValue = "";
                if (configuration != null && configuration.getElementsByTagName(name).getLength() > 0) {
                    Element conf = (Element) configuration.getElementsByTagName(name).item(0);
                    property = conf.getTextContent().replaceAll("^\\$\\{(.*)}$", "$1");
                    defaultValue = conf.getAttribute("default-value");
                }
                parameters.add(new Parameter(name, property, defaultValue, plain(child(param, "description"))));
            }
            goals.put(goal, Map.entry(plain(child(mojo, "description")), parameters));
        }
        return goals;
    }

    static String render() throws Exception {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Map.Entry<String, List<Parameter>>> goal : goals().entrySet()) {
            b.append("### hardened:").append(goal.getKey()).append("\n\n").append(goal.getValue().getKey()).append("\n\n");
            if (goal.getValue().getValue().isEmpty()) {
                continue;
            }
            b.append("| parameter | scope | user property | default | description |\n|---|---|---|---|---|\n");
            for (Parameter p : goal.getValue().getValue()) {
                String scope = io.github.hardenedcontainer.model.Setting.byName(p.name())
                        .map(s -> s.scope().name().toLowerCase(java.util.Locale.ROOT)).orElse("");
                b.append("| `<").append(p.name()).append(">` | ").append(scope).append(" | ")
                        .append(p.property().isEmpty() ? "" : "`" + p.property() + "`").append(" | ")
                        .append(defaultOf(p).isEmpty() ? "" : "`" + defaultOf(p) + "`").append(" | ")
                        .append(p.description().replace("|", "\\|").replace("<", "&lt;")).append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The descriptor's default, else the table's (a default Maven does not inject, such as healthPath's). */
    private static String defaultOf(Parameter p) {
        if (!p.defaultValue().isEmpty()) {
            return p.defaultValue();
        }
        return io.github.hardenedcontainer.model.Setting.byName(p.name())
                .map(io.github.hardenedcontainer.model.Setting::defaultValue).orElse("");
    }

    @Test
    void theReferenceMatchesTheDescriptor() throws Exception {
        assertThat(DESCRIPTOR).as("built by maven-plugin-plugin before the tests").exists();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String rendered = render();
        if (Boolean.getBoolean("golden.update")) {
            doc = doc.substring(0, begin + BEGIN.length() + 1) + rendered + doc.substring(end);
            Files.writeString(DOC, doc, StandardCharsets.UTF_8);
        }
        assertThat(doc.substring(doc.indexOf(BEGIN) + BEGIN.length() + 1, doc.indexOf(END))).isEqualTo(rendered);
        assertThat(goals()).containsKeys("generate", "verify", "help");
    }

    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }

    /** The descriptor's description without HTML tags, on one line. */
    private static String plain(String html) {
        return html.replaceAll("</?(code|p|a|br|em|strong|i|b|ul|ol|li|pre|tt)(\\s[^>]*)?/?>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ").trim();
    }
}
