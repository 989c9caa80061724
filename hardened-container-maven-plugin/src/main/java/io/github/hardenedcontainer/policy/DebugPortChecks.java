package io.github.hardenedcontainer.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XF003, in any file that starts a JVM (Dockerfile, compose.yaml, a Kubernetes manifest): a JDWP debugger agent
 * that listens beyond loopback lets anyone who reaches the port run code in the service; so does JMX without
 * authentication. Since Java 9 a bare port ({@code address=5005}) listens on loopback only, which is allowed.
 */
final class DebugPortChecks {

    private static final Pattern JDWP = Pattern.compile("(?:-agentlib:jdwp=|-Xrunjdwp:)([^\\s\"',\\]]*(?:,[^\\s\"',\\]]*)*)");
    private static final Pattern JMX_OPEN = Pattern.compile("com\\.sun\\.management\\.jmxremote\\.authenticate\\s*=\\s*false");

    private DebugPortChecks() {
    }

    static List<Finding> check(String file, String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher jdwp = JDWP.matcher(line);
            while (jdwp.find()) {
                String options = jdwp.group(1);
                if (options.matches(".*\\bserver=n\\b.*")) {
                    continue; // it connects out to a debugger; it listens on nothing
                }
                Matcher address = Pattern.compile("\\baddress=([^,\\s\"']+)").matcher(options);
                String at = address.find() ? address.group(1) : "";
                String host = at.contains(":") ? at.substring(0, at.lastIndexOf(':')) : "";
                boolean loopback = !at.isEmpty() && (host.isEmpty() || host.equals("127.0.0.1")
                        || host.equals("localhost") || host.equals("[::1]"));
                if (!loopback) {
                    findings.add(new Finding(Rule.XF003, file, n + 1, "a JDWP debugger agent listens on "
                            + (at.isEmpty() ? "a port of its choosing" : at) + ": anyone who reaches it runs code in"
                            + " the service"));
                }
            }
            if (JMX_OPEN.matcher(line).find()) {
                findings.add(new Finding(Rule.XF003, file, n + 1, "JMX accepts connections without authentication"));
            }
        }
        return findings;
    }
}
