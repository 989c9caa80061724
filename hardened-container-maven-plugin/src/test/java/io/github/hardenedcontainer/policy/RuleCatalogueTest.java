package io.github.hardenedcontainer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The rule table in {@code docs/hardening-rules.md} and the rules in code are the same list. The table is
 * rendered from {@link Rule}; {@code -Dgolden.update=true} rewrites it after an intended change.
 */
class RuleCatalogueTest {

    private static final Path DOC = Path.of(System.getProperty("project.basedir", "."))
            .toAbsolutePath().getParent().resolve("docs/hardening-rules.md");
    private static final String BEGIN = "<!-- rules:begin (rendered from Rule.java by RuleCatalogueTest) -->";
    private static final String END = "<!-- rules:end -->";

    static String table() {
        StringBuilder b = new StringBuilder("| ID | checks | severity | rule | same as | why below high |\n"
                + "|---|---|---|---|---|---|\n");
        for (Rule rule : Rule.values()) {
            b.append("| ").append(rule.id())
                    .append(" | ").append(rule.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(rule.severity().configName())
                    .append(" | ").append(rule.title().replace("|", "\\|"))
                    .append(" | ").append(String.join(", ", rule.references()).replace("|", "\\|"))
                    .append(" | ").append(rule.severityReason().replace("|", "\\|"))
                    .append(" |\n");
        }
        return b.toString();
    }

    @Test
    void everyRuleBelowHighSaysWhy() {
        for (Rule rule : Rule.values()) {
            boolean belowHigh = !rule.severity().atLeast(Severity.HIGH);
            assertThat(rule.severityReason().isBlank()).as("%s (%s): a reason exactly when below high", rule.id(),
                    rule.severity()).isEqualTo(!belowHigh);
        }
    }

    @Test
    void everyDockerfileRuleHasItsOwnUnit() {
        // DF019 judges .dockerignore, not the Dockerfile (ContextChecks).
        assertThat(DockerfileChecks.RULES.rules()).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(Rule.values())
                .filter(r -> r.kind() == Rule.Kind.DOCKERFILE && r != Rule.DF019).toList());
    }

    @Test
    void everyComposeRuleHasItsOwnUnit() {
        assertThat(ComposeChecks.RULES.rules()).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(Rule.values())
                .filter(r -> r.kind() == Rule.Kind.COMPOSE).toList());
    }

    @Test
    void everyWorkflowRuleHasItsOwnUnit() {
        assertThat(WorkflowChecks.RULES.rules()).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(Rule.values())
                .filter(r -> r.kind() == Rule.Kind.WORKFLOW).toList());
    }

    @Test
    void everyKubernetesRuleHasItsOwnUnit() {
        assertThat(KubernetesChecks.RULES.rules()).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(Rule.values())
                .filter(r -> r.kind() == Rule.Kind.KUBERNETES).toList());
    }

    @Test
    void theDocumentedCatalogueListsExactlyTheRulesInCode() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("%s marks the rule table", BEGIN).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = doc.substring(begin + BEGIN.length() + 1, end);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length() + 1) + table() + doc.substring(end),
                    StandardCharsets.UTF_8);
            current = table();
        }
        assertThat(current).isEqualTo(table());
        for (Rule rule : Rule.values()) {
            assertThat(doc).contains("| " + rule.id() + " |");
        }
    }
}
