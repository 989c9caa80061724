package io.github.hardenedcontainer.maven;

import io.github.hardenedcontainer.generate.ConfigurationValidator;
import io.github.hardenedcontainer.model.ImagePins;
import io.github.hardenedcontainer.model.InvalidConfigurationException;
import io.github.hardenedcontainer.model.RepositoryModel;
import io.github.hardenedcontainer.pin.DockerCredentials;
import io.github.hardenedcontainer.pin.Pinner;
import io.github.hardenedcontainer.pin.RegistryClient;
import io.github.hardenedcontainer.write.SafeWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Pins the base images by digest: resolves the tag of every image the services use (builder, runtime and
 * PostgreSQL, configured or default) to the digest its registry serves now, through the Registry HTTP API, and
 * writes them to {@code hardened-pins.properties} at the repository root, which {@code hardened:generate} (and
 * {@code hardened:verify}) read: the generated files then name each image as {@code name:tag@sha256:...}. An image
 * whose configuration names a digest already is left as it is. Run it again to move the pins to what the tags
 * name now; when nothing moved, the file is not touched.
 *
 * <p>Credentials: anonymous tokens (Docker Hub, GHCR), else what {@code docker login} stored in the Docker
 * client's {@code config.json}. Commit the file with the regenerated container files.
 *
 * @since 0.1.0
 */
@Mojo(name = "pin", threadSafe = true)
public final class PinMojo extends AbstractHardenedMojo {

    @Override
    protected void execute(ExecutionContext context) throws MojoExecutionException, MojoFailureException {
        Path file = context.root().resolve(ImagePins.FILE);
        RepositoryModel model;
        try {
            model = new ConfigurationValidator(getLog()::info).validate(context.facts().withPins(ImagePins.none()));
        } catch (InvalidConfigurationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        Pinner.Result result;
        try {
            RegistryClient client = new RegistryClient(DockerCredentials.from(DockerCredentials.configFile(
                    System.getenv(), Path.of(System.getProperty("user.home")))));
            result = new Pinner(client::digest, getLog()::info).pin(model, context.facts().pins());
        } catch (IOException e) {
            throw new MojoFailureException("Cannot pin the base images, nothing was written: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while pinning the base images", e);
        }
        String text = result.pins().format();
        try {
            if (Files.isRegularFile(file) && Files.readString(file).equals(text)) {
                getLog().info(ImagePins.FILE + " is unchanged: every image still resolves to its pinned digest");
                return;
            }
            SafeWriter.replace(file, text);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote " + file + " (" + result.pins().digests().size() + " images"
                + (result.changes().isEmpty() ? "" : "; " + String.join("; ", result.changes())) + ")."
                + " Run mvn hardened:generate to pin the container files, then commit both.");
    }
}
