package io.github.hardenedcontainer.write;

import java.util.List;

/** Thrown when files a person wrote or edited would be overwritten; nothing has been written. */
public final class RefusedOverwriteException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<PlannedWrite> refused;

    public RefusedOverwriteException(List<PlannedWrite> refused) {
        super(format(refused));
        this.refused = List.copyOf(refused);
    }

    public List<PlannedWrite> refused() {
        return refused;
    }

    private static String format(List<PlannedWrite> refused) {
        StringBuilder text = new StringBuilder("Refusing to overwrite ").append(refused.size())
                .append(refused.size() == 1 ? " file" : " files")
                .append(" that a person wrote or edited; nothing was written:");
        for (PlannedWrite write : refused) {
            text.append(System.lineSeparator()).append("  - ").append(write.file().path()).append(": ")
                    .append(write.status().description());
        }
        text.append(System.lineSeparator())
                .append("Move your changes into the plugin configuration or a template override"
                        + " (<templateDirectory>), leave the file out with <excludes>, or replace it with"
                        + " -Dhardened.force=true.");
        return text.toString();
    }
}
