package io.github.hardenedcontainer.parse;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML document as a tree that remembers lines, for checks that report {@code file:line}. Only mappings,
 * sequences and scalars: anchors are resolved by the parser; tags are ignored.
 */
public final class YamlFile {

    /** A node: a mapping, a sequence or a scalar, with the 1-based line it starts on. */
    public static final class YNode {
        private final Node node;

        YNode(Node node) {
            this.node = node;
        }

        public int line() {
            return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        }

        public boolean isMap() {
            return node instanceof MappingNode;
        }

        public boolean isList() {
            return node instanceof SequenceNode;
        }

        public boolean isScalar() {
            return node instanceof ScalarNode;
        }

        /** The scalar's text, or empty for mappings and sequences. */
        public Optional<String> text() {
            return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
        }

        /** The scalar's text or the given default. */
        public String textOr(String fallback) {
            return text().orElse(fallback);
        }

        /** A mapping's entries in order; empty for other nodes. */
        public Map<String, YNode> entries() {
            Map<String, YNode> result = new LinkedHashMap<>();
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode key) {
                        result.put(key.getValue(), new YNode(t.getValueNode()));
                    }
                }
            }
            return result;
        }

        /** The line of a key in this mapping (where the key is written), or this node's line. */
        public int keyLine(String key) {
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                        return t.getKeyNode().getStartMark().getLine() + 1;
                    }
                }
            }
            return line();
        }

        public Optional<YNode> get(String key) {
            return Optional.ofNullable(entries().get(key));
        }

        /** Follows a path of keys. */
        public Optional<YNode> at(String... keys) {
            Optional<YNode> current = Optional.of(this);
            for (String key : keys) {
                current = current.flatMap(n -> n.get(key));
            }
            return current;
        }

        /** A sequence's items; empty for other nodes. */
        public List<YNode> items() {
            List<YNode> result = new ArrayList<>();
            if (node instanceof SequenceNode s) {
                for (Node item : s.getValue()) {
                    result.add(new YNode(item));
                }
            }
            return result;
        }

        /** The scalar texts of a sequence, or the single scalar as a one-item list. */
        public List<String> texts() {
            List<String> result = new ArrayList<>();
            if (node instanceof ScalarNode s) {
                result.add(s.getValue());
            }
            for (YNode item : items()) {
                item.text().ifPresent(result::add);
            }
            return result;
        }
    }

    private YamlFile() {
    }

    /** Parses one document; a syntax error is a {@link DockerfileSyntaxException}-like exception with its line. */
    public static YNode parse(String text) throws YamlSyntaxException {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                throw new YamlSyntaxException(1, "the file is empty");
            }
            return new YNode(root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new YamlSyntaxException(line, e.getProblem() == null ? e.getMessage() : e.getProblem());
        } catch (YAMLException e) {
            throw new YamlSyntaxException(0, e.getMessage());
        }
    }

    /**
     * Parses every document of a stream ({@code ---} between them, as Kubernetes files may have); empty documents
     * are left out.
     */
    public static List<YNode> parseAll(String text) throws YamlSyntaxException {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            List<YNode> documents = new ArrayList<>();
            for (Node node : new Yaml(options).composeAll(new StringReader(text))) {
                if (node != null) {
                    documents.add(new YNode(node));
                }
            }
            return documents;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new YamlSyntaxException(line, e.getProblem() == null ? e.getMessage() : e.getProblem());
        } catch (YAMLException e) {
            throw new YamlSyntaxException(0, e.getMessage());
        }
    }

    /** A YAML file that does not parse. */
    public static final class YamlSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        public YamlSyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
