package io.github.hardenedcontainer.write;

/** What happened, or would happen, to one file. */
public enum WriteStatus {
    /** The file did not exist and was written. */
    CREATED("created"),
    /** A generated, unedited file was replaced with new content. */
    UPDATED("updated"),
    /** The file already had exactly this content and was left untouched. */
    UNCHANGED("unchanged"),
    /** A seed file that exists belongs to the user and was left alone. */
    KEPT("kept (yours to edit)"),
    /** A file a person wrote or edited was replaced because force was set. */
    FORCED("overwritten (force)"),
    /** A file without the generator's header: written by a person, so not overwritten. */
    REFUSED_HANDWRITTEN("refused: written by a person (no generated header)"),
    /** A generated file whose body was edited after generation: not overwritten. */
    REFUSED_EDITED("refused: edited after generation (fingerprint differs)");

    private final String description;

    WriteStatus(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean refused() {
        return this == REFUSED_HANDWRITTEN || this == REFUSED_EDITED;
    }

    public boolean writes() {
        return this == CREATED || this == UPDATED || this == FORCED;
    }
}
