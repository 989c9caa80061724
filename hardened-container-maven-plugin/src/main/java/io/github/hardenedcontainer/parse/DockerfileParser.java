package io.github.hardenedcontainer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Dockerfile parser: instructions with line numbers and stages, continuation lines joined (the default
 * escape character {@code \}), comment lines dropped. Enough to check instructions, not to build.
 */
public final class DockerfileParser {

    private static final Pattern INSTRUCTION = Pattern.compile("^\\s*([A-Za-z]+)(?:\\s+(.*))?$");
    /** A here-document's start, {@code <<EOF}, {@code <<-EOF} or with the word quoted. */
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

    private DockerfileParser() {
    }

    /** Parses the text; a line that is not an instruction is a {@link DockerfileSyntaxException} with its line. */
    public static List<DockerInstruction> parse(String text) throws DockerfileSyntaxException {
        List<DockerInstruction> instructions = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int stage = -1;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            StringBuilder joined = new StringBuilder();
            String current = line;
            while (true) {
                String stripped = current.stripTrailing();
                if (stripped.endsWith("\\")) {
                    joined.append(stripped, 0, stripped.length() - 1).append(' ');
                    i++;
                    // Skip comment and blank lines inside a continuation, as Docker does.
                    while (i < lines.length && (lines[i].stripLeading().startsWith("#") || lines[i].isBlank())) {
                        i++;
                    }
                    if (i >= lines.length) {
                        break;
                    }
                    current = lines[i];
                } else {
                    joined.append(stripped);
                    i++;
                    break;
                }
            }
            Matcher m = INSTRUCTION.matcher(joined.toString());
            if (!m.matches()) {
                throw new DockerfileSyntaxException(start, "expected an instruction such as FROM or RUN, got \""
                        + abbreviate(joined.toString().strip()) + "\"");
            }
            String keyword = m.group(1).toUpperCase(Locale.ROOT);
            if (keyword.equals("FROM")) {
                stage++;
            }
            String arguments = m.group(2) == null ? "" : m.group(2).strip();
            // Here-documents (BuildKit's Dockerfile syntax 1.4: RUN <<EOF ... EOF, also after ONBUILD): their
            // lines belong to the instruction, and the checks read them as its script.
            Matcher heredoc = HEREDOC.matcher(arguments);
            StringBuilder bodies = new StringBuilder();
            while (heredoc.find()) {
                String word = heredoc.group(2);
                boolean closed = false;
                while (i < lines.length) {
                    String body = lines[i++];
                    if ((heredoc.group(1).isEmpty() ? body : body.stripLeading()).equals(word)) {
                        closed = true;
                        break;
                    }
                    bodies.append('\n').append(body);
                }
                if (!closed) {
                    throw new DockerfileSyntaxException(start, "the here-document <<" + word + " is never closed by a"
                            + " line " + word);
                }
            }
            instructions.add(new DockerInstruction(keyword, arguments + bodies, start, stage));
        }
        return instructions;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
