package io.github.hardenedcontainer.pin;

import io.github.hardenedcontainer.model.ImagePins;
import io.github.hardenedcontainer.model.ImageReference;
import io.github.hardenedcontainer.model.RepositoryModel;
import io.github.hardenedcontainer.model.ServiceModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Resolves every base image the services use by tag (builder, runtime, PostgreSQL; configured or default) to the
 * digest its registry serves now. An image whose configuration names a digest already is left as it is.
 */
public final class Pinner {

    /** What resolving found: the pins, and which of them moved or are new against the previous ones. */
    public record Result(ImagePins pins, List<String> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    /** Resolves one image reference to a digest. */
    @FunctionalInterface
    public interface Resolver {
        String digest(ImageReference reference) throws IOException, InterruptedException;
    }

    private final Resolver resolver;
    private final Consumer<String> log;

    public Pinner(Resolver resolver, Consumer<String> log) {
        this.resolver = resolver;
        this.log = log;
    }

    /**
     * @param model the services with their images as configured, before any pin is applied
     * @param previous the pins the file holds now
     * @throws IOException for the first image that cannot be resolved (nothing is written then)
     */
    public Result pin(RepositoryModel model, ImagePins previous) throws IOException, InterruptedException {
        Set<ImageReference> images = new LinkedHashSet<>();
        for (ServiceModel service : model.services()) {
            images.add(service.builderImage());
            images.add(service.runtimeImage());
            if (service.postgresImage() != null) {
                images.add(service.postgresImage());
            }
        }
        Map<String, String> digests = new TreeMap<>();
        List<String> changes = new ArrayList<>();
        for (ImageReference image : images) {
            if (image.pinned()) {
                log.accept(image + ": pinned in the configuration, left as it is");
                continue;
            }
            String key = image.repository() + ":" + image.tag();
            if (digests.containsKey(key)) {
                continue;
            }
            String digest = resolver.digest(image);
            digests.put(key, digest);
            String before = previous.digests().get(key);
            if (digest.equals(before)) {
                log.accept(key + " -> " + digest + " (unchanged)");
            } else {
                String change = key + " -> " + digest + (before == null ? " (new)" : " (was " + before + ")");
                log.accept(change);
                changes.add(change);
            }
        }
        previous.digests().keySet().stream().filter(k -> !digests.containsKey(k))
                .forEach(k -> changes.add(k + ": no longer used, dropped"));
        return new Result(new ImagePins(digests), changes);
    }
}
