package io.github.hardenedcontainer.maven;

import io.github.hardenedcontainer.generate.Generator;
import io.github.hardenedcontainer.model.InvalidConfigurationException;
import io.github.hardenedcontainer.render.TemplateException;
import io.github.hardenedcontainer.write.RefusedOverwriteException;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the hardened container files for this project: {@code Dockerfile}, {@code .dockerignore},
 * {@code compose.yaml} (with PostgreSQL when the project uses it) and the GitHub Actions workflow, plus
 * {@code .github/dependabot.yml} and a {@code .trivyignore} to start from.
 *
 * <p>At a reactor root it generates for every runnable jar module in one go: each module gets its own
 * {@code Dockerfile} and {@code compose.yaml}, built from the root; the repository files are shared. Files are
 * written all or none; a file a person wrote or edited is never overwritten unless {@code force} is set.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", threadSafe = true)
public final class GenerateMojo extends AbstractHardenedMojo {

    /**
     * Replace files that a person wrote or edited after generation. Without it such files make the build fail
     * and nothing is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.FORCE, defaultValue = "false")
    private boolean force;

    @Override
    protected void execute(ExecutionContext context) throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        try {
            new Generator(getLog()::info).generate(generateRequest(context, force));
        } catch (InvalidConfigurationException | RefusedOverwriteException | TemplateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the container files: " + e.getMessage(), e);
        }
        getLog().info(String.format("Generated in %d ms", (System.nanoTime() - start) / 1_000_000));
    }
}
