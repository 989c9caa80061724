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
 * Upgrades the container files to this plugin version: prints, file by file, the version each file's header
 * records, what this version changes (lines removed and added, and the diff), then writes the files as
 * {@code generate} does: all or none, and never a file a person edited unless {@code force} is set (its diff is
 * printed all the same). {@code -Dhardened.dryRun=true} prints and writes nothing: the review step of an upgrade
 * across many repositories.
 *
 * @since 0.1.0
 */
@Mojo(name = "upgrade", threadSafe = true)
public final class UpgradeMojo extends AbstractHardenedMojo {

    /**
     * Replace files that a person wrote or edited after generation. Without it such files make the upgrade fail
     * and nothing is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.FORCE, defaultValue = "false")
    private boolean force;

    /**
     * Print what the upgrade changes and write nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    @Override
    protected void execute(ExecutionContext context) throws MojoExecutionException, MojoFailureException {
        try {
            new Generator(getLog()::info).upgrade(generateRequest(context, force), dryRun);
        } catch (InvalidConfigurationException | RefusedOverwriteException | TemplateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the container files: " + e.getMessage(), e);
        }
    }
}
