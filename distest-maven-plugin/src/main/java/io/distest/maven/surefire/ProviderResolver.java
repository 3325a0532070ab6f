package io.distest.maven.surefire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Resolves one of Surefire's provider artifacts with its dependencies, as Surefire does for its forks: at the
 * Surefire version distest's reporting is built on, from the project's plugin repositories.
 */
public final class ProviderResolver {
    private final ArtifactJars jars;

    public ProviderResolver(RepositorySystem repositorySystem, RepositorySystemSession session) {
        this.jars = new ArtifactJars(repositorySystem, session);
    }

    /** The Surefire version on distest's own class path (the one the parent POM pins). */
    public static String surefireVersion() {
        String resource = "/META-INF/maven/org.apache.maven.surefire/surefire-api/pom.properties";
        try (InputStream in = ProviderResolver.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("distest's class path lacks " + resource);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e, e);
        }
    }

    /**
     * Jars of {@code groupId:artifactId} at {@link #surefireVersion()} and its runtime dependencies, minus what the
     * project already has on its test class path ({@code groupId:artifactId}).
     */
    public List<Path> resolve(String provider, MavenProject project, Set<String> present) throws MojoExecutionException {
        String coordinates = provider + ":" + surefireVersion();
        CollectRequest collect = new CollectRequest();
        collect.addDependency(new Dependency(new DefaultArtifact(coordinates), "runtime"));
        collect.setRepositories(project.getRemotePluginRepositories());
        try {
            return jars.resolve(collect, present);
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("distest could not resolve Surefire's provider " + coordinates
                    + ", which runs this project's tests as Surefire would: " + e.getMessage()
                    + ". Make Maven Central (or a mirror of it) reachable from the project's plugin repositories.", e);
        }
    }
}
