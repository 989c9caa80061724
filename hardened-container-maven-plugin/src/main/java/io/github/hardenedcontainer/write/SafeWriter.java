package io.github.hardenedcontainer.write;

import io.github.hardenedcontainer.model.InvalidConfigurationException;
import io.github.hardenedcontainer.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a set of generated files all or nothing. First every target is inspected and classified
 * ({@link #plan}); if any would overwrite a person's work and force is off, nothing is written. Then every new
 * content is staged in a temporary file beside its target, and only when all are staged are they moved into
 * place, each atomically where the file system allows.
 */
public final class SafeWriter {

    private final Path outputDirectory;

    public SafeWriter(Path outputDirectory) {
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
    }

    /** Classifies every file against what is on disk now; reads, never writes. */
    public List<PlannedWrite> plan(List<GeneratedFile> files, boolean force) throws IOException {
        List<PlannedWrite> plan = new ArrayList<>();
        for (GeneratedFile file : files) {
            Path target = outputDirectory.resolve(file.path()).normalize();
            plan.add(new PlannedWrite(file, target, classify(file, target, force)));
        }
        return plan;
    }

    private static WriteStatus classify(GeneratedFile file, Path target, boolean force) throws IOException {
        if (!Files.exists(target)) {
            return WriteStatus.CREATED;
        }
        if (!Files.isRegularFile(target)) {
            throw new IOException(target + " exists and is not a regular file: move it away and generate again");
        }
        String existing = Files.readString(target, StandardCharsets.UTF_8);
        if (existing.equals(file.content())) {
            return WriteStatus.UNCHANGED;
        }
        if (file.seed()) {
            return WriteStatus.KEPT;
        }
        Optional<Boolean> unedited = FileHeader.isUnedited(existing);
        if (unedited.orElse(false)) {
            return WriteStatus.UPDATED;
        }
        if (force) {
            return WriteStatus.FORCED;
        }
        return unedited.isPresent() ? WriteStatus.REFUSED_EDITED : WriteStatus.REFUSED_HANDWRITTEN;
    }

    /**
     * Applies a plan: fails with nothing written when any file is refused or a directory is not writable;
     * otherwise writes every file whose status {@linkplain WriteStatus#writes() writes}.
     */
    public void apply(List<PlannedWrite> plan) throws RefusedOverwriteException, InvalidConfigurationException, IOException {
        List<PlannedWrite> refused = plan.stream().filter(p -> p.status().refused()).toList();
        if (!refused.isEmpty()) {
            throw new RefusedOverwriteException(refused);
        }
        List<PlannedWrite> writes = plan.stream().filter(p -> p.status().writes()).toList();
        checkWritable(writes);

        Map<PlannedWrite, Path> staged = new LinkedHashMap<>();
        try {
            for (PlannedWrite write : writes) {
                Path parent = write.target().getParent();
                Files.createDirectories(parent);
                Path temp = Files.createTempFile(parent, "." + write.target().getFileName() + ".", ".tmp");
                staged.put(write, temp);
                Files.writeString(temp, write.file().content(), StandardCharsets.UTF_8);
                copyPermissions(write.target(), temp);
            }
            for (Map.Entry<PlannedWrite, Path> entry : staged.entrySet()) {
                move(entry.getValue(), entry.getKey().target());
            }
        } finally {
            for (Path temp : staged.values()) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Replaces one file that the plugin owns whole (not a generated file with a header), atomically where the file
     * system allows, keeping its permissions: the same staging as {@link #apply}.
     */
    public static void replace(Path target, String content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            copyPermissions(target, temp);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Temporary files are created owner-only; give the new file the permissions of the file it replaces, or
     * {@code rw-r--r--} for a new file, as an editor would.
     */
    private static void copyPermissions(Path target, Path temp) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Every target must sit under a directory that exists and is writable, or can be created. */
    private void checkWritable(List<PlannedWrite> writes) throws InvalidConfigurationException {
        List<Problem> problems = new ArrayList<>();
        for (PlannedWrite write : writes) {
            Path existing = write.target().getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)
                    || (Files.exists(write.target()) && !Files.isWritable(write.target()))) {
                String shown = existing == null ? write.target().toString() : existing.toString();
                Problem problem = new Problem("<outputDirectory>", outputDirectory.toString(), "cannot write "
                        + write.file().path() + ": " + shown + " is not a writable directory; fix its permissions"
                        + " or set <outputDirectory> (-Dhardened.outputDirectory) to a writable directory");
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }
}
