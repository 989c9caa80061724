package io.github.hardenedcontainer.render;

/**
 * A template could not be loaded, parsed or rendered. The message names the template (and for an override its
 * file and line) so that the user can fix it.
 */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
