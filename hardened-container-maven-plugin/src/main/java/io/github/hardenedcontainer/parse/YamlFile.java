package io.github.hardenedcontainer.parse;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

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

        /**
         * A mapping's entries in order; empty for other nodes. YAML merge keys ({@code <<: *base}, or a list of
         * aliases) are resolved as YAML 1.1 and Compose resolve them: the merged mappings' entries come after the
         * mapping's own and never replace them; an earlier mapping in the list wins over a later one.
         */
        public Map<String, YNode> entries() {
            Map<String, YNode> result = new LinkedHashMap<>();
            if (node instanceof MappingNode m) {
                List<Node> merged = new ArrayList<>();
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode key) {
                        if (key.getValue().equals("<<") && !(t.getValueNode() instanceof ScalarNode)) {
                            if (t.getValueNode() instanceof SequenceNode list) {
                                merged.addAll(list.getValue());
                            } else {
                                merged.add(t.getValueNode());
                            }
                        } else {
                            result.put(key.getValue(), new YNode(t.getValueNode()));
                        }
                    }
                }
                for (Node base : merged) {
                    new YNode(base).entries().forEach(result::putIfAbsent);
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
            Node root = loader().compose(new StringReader(text));
            if (root == null) {
                throw new YamlSyntaxException(1, "the file is empty");
            }
            return new YNode(root);
        } catch (YAMLException e) {
            throw syntaxError(e);
        }
    }

    /**
     * Parses every document of a stream ({@code ---} between them, as Kubernetes files may have); empty documents
     * are left out.
     */
    public static List<YNode> parseAll(String text) throws YamlSyntaxException {
        try {
            List<YNode> documents = new ArrayList<>();
            for (Node node : loader().composeAll(new StringReader(text))) {
                if (node != null) {
                    documents.add(new YNode(node));
                }
            }
            return documents;
        } catch (YAMLException e) {
            throw syntaxError(e);
        }
    }

    /** A loader that refuses duplicate keys (a second value would silently win). */
    private static Yaml loader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    /** A parser error as a syntax error with the line it names (0 when it names none). */
    private static YamlSyntaxException syntaxError(YAMLException e) {
        if (e instanceof MarkedYAMLException marked) {
            int line = marked.getProblemMark() == null ? 0 : marked.getProblemMark().getLine() + 1;
            return new YamlSyntaxException(line, marked.getProblem() == null ? marked.getMessage() : marked.getProblem());
        }
        return new YamlSyntaxException(0, e.getMessage());
    }

    /**
     * Two mappings merged as Compose merges a service with the one it {@code extends} and a file with its override
     * file: mappings key by key (recursively), sequences concatenated (a scalar item only once), anything else
     * replaced by {@code over}. Nodes keep their lines, so findings on the merged view point at the file each value
     * came from.
     */
    public static YNode merge(YNode base, YNode over) {
        return new YNode(merge(base.node, over.node));
    }

    private static Node merge(Node base, Node over) {
        if (base instanceof MappingNode b && over instanceof MappingNode o) {
            Map<String, NodeTuple> tuples = new LinkedHashMap<>();
            Map<String, YNode> baseEntries = new YNode(b).entries();
            Map<String, YNode> overEntries = new YNode(o).entries();
            for (Map.Entry<String, YNode> e : baseEntries.entrySet()) {
                tuples.put(e.getKey(), new NodeTuple(key(e.getKey(), b), e.getValue().node));
            }
            for (Map.Entry<String, YNode> e : overEntries.entrySet()) {
                Node value = tuples.containsKey(e.getKey())
                        ? merge(tuples.get(e.getKey()).getValueNode(), e.getValue().node) : e.getValue().node;
                tuples.put(e.getKey(), new NodeTuple(key(e.getKey(), o), value));
            }
            return new MappingNode(Tag.MAP, true, new ArrayList<>(tuples.values()), o.getStartMark(), o.getEndMark(),
                    DumperOptions.FlowStyle.BLOCK);
        }
        if (base instanceof SequenceNode b && over instanceof SequenceNode o) {
            List<Node> items = new ArrayList<>(b.getValue());
            for (Node item : o.getValue()) {
                boolean duplicate = item instanceof ScalarNode s && items.stream()
                        .anyMatch(x -> x instanceof ScalarNode xs && xs.getValue().equals(s.getValue()));
                if (!duplicate) {
                    items.add(item);
                }
            }
            return new SequenceNode(Tag.SEQ, true, items, o.getStartMark(), o.getEndMark(), DumperOptions.FlowStyle.BLOCK);
        }
        return over;
    }

    /** The key node of a mapping's entry (for its line), or a new one for a key from a merge key. */
    private static Node key(String name, MappingNode mapping) {
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
                return k;
            }
        }
        return new ScalarNode(Tag.STR, name, mapping.getStartMark(), mapping.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
    }

    /** A mapping without the given key. */
    public static YNode without(YNode mapping, String key) {
        if (!(mapping.node instanceof MappingNode m)) {
            return mapping;
        }
        List<NodeTuple> kept = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))) {
                kept.add(t);
            }
        }
        return new YNode(new MappingNode(Tag.MAP, true, kept, m.getStartMark(), m.getEndMark(),
                DumperOptions.FlowStyle.BLOCK));
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
