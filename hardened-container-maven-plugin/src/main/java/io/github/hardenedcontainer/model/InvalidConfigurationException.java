package io.github.hardenedcontainer.model;

import java.util.List;

/** Thrown when the configuration has one or more problems; carries all of them so they are reported together. */
public final class InvalidConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidConfigurationException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        StringBuilder text = new StringBuilder()
                .append("Invalid hardened-container configuration (")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems")
                .append("); nothing was written:");
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem.describe());
        }
        return text.toString();
    }
}
