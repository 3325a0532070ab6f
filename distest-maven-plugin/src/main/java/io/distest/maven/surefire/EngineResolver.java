package io.distest.maven.surefire;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.resolution.DependencyResolutionException;

/** Resolves what {@link JUnitPlatformArtifacts} says is missing, keeping the project's own versions of anything shared. */
public final class EngineResolver {
    private final ArtifactJars jars;

    public EngineResolver(RepositorySystem repositorySystem, RepositorySystemSession session) {
        this.jars = new ArtifactJars(repositorySystem, session);
    }

    /**
     * Jars to append to the project's test class path.
     *
     * @param rules the engine rules of the project's Surefire (or Failsafe) version
     * @param info the build log's info lines: the engines added that Surefire names when it adds them
     */
    public List<Path> resolveMissing(MavenProject project, PlatformRules rules, Consumer<String> info)
            throws MojoExecutionException {
        Map<String, String> present = new LinkedHashMap<>();
        for (Artifact artifact : project.getArtifacts()) {
            present.put(artifact.getGroupId() + ":" + artifact.getArtifactId(), artifact.getBaseVersion());
        }
        List<String> missing = JUnitPlatformArtifacts.missing(present, rules);
        missing.stream().filter(engine -> engine.startsWith(JUnitPlatformArtifacts.TESTNG_ENGINE + ":"))
                .forEach(engine -> info.accept("TestNG is present. Adding per default " + engine)); // Surefire 3.6's words
        if (missing.isEmpty()) {
            return List.of();
        }
        // what the project already has is neither added nor downloaded again (e.g. testng-engine's own testng)
        List<Exclusion> alreadyPresent = present.keySet().stream()
                .map(ga -> new Exclusion(ga.substring(0, ga.indexOf(':')), ga.substring(ga.indexOf(':') + 1), "*", "*"))
                .toList();
        CollectRequest collect = new CollectRequest();
        for (String coordinates : missing) {
            collect.addDependency(new Dependency(new DefaultArtifact(coordinates), "runtime", false, alreadyPresent));
        }
        collect.setRepositories(project.getRemoteProjectRepositories());
        try {
            return jars.resolve(collect, present.keySet());
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("distest could not resolve the JUnit Platform launcher and engines "
                    + missing + " for this project: " + e.getMessage()
                    + ". Add them to the project's test dependencies, or make them reachable from its repositories.", e);
        }
    }
}
