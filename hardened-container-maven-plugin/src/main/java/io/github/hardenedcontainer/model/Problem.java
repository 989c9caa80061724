package io.github.hardenedcontainer.model;

/**
 * One thing wrong with the user's configuration: which element, what value it had, and how to fix it.
 *
 * @param element the POM element (or user property) that holds the bad value, such as {@code <uid>}
 * @param value the value as given, or {@code null} when the value is missing
 * @param message what is wrong and how to fix it, as a sentence that completes the element name
 */
public record Problem(String element, String value, String message) {

    /** Formats the problem as one line: element, the value in quotes, then the message. */
    public String describe() {
        String shown = value == null ? "" : " (got \"" + value + "\")";
        return element + shown + ": " + message;
    }
}
