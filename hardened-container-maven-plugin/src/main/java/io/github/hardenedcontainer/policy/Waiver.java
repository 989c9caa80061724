package io.github.hardenedcontainer.policy;

import java.time.LocalDate;

/**
 * A written-down exception: one rule, one file, a reason, and optionally the day it stops counting.
 *
 * @param rule the waived rule
 * @param file the file, relative to the repository root
 * @param reason why the rule does not apply or is accepted
 * @param expires the last day the waiver counts, or {@code null}
 * @param line the line of the waiver in the waiver file
 */
public record Waiver(Rule rule, String file, String reason, LocalDate expires, int line) {

    public boolean covers(Finding finding) {
        return finding.rule() == rule && finding.file().equals(file);
    }
}
