package io.distest.maven.surefire;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/** Artifacts resolved with their dependencies into jars for a test class path, leaving out what it already has. */
final class ArtifactJars {
    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession session;

    ArtifactJars(RepositorySystem repositorySystem, RepositorySystemSession session) {
        this.repositorySystem = repositorySystem;
        this.session = session;
    }

    /** The resolved jars of {@code collect}, minus those whose {@code groupId:artifactId} is in {@code present}. */
    List<Path> resolve(CollectRequest collect, Set<String> present) throws DependencyResolutionException {
        List<Path> jars = new ArrayList<>();
        for (ArtifactResult result : repositorySystem.resolveDependencies(session, new DependencyRequest(collect, null))
                .getArtifactResults()) {
            org.eclipse.aether.artifact.Artifact artifact = result.getArtifact();
            File file = artifact.getFile();
            if (file != null && !present.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())) {
                jars.add(file.toPath());
            }
        }
        return jars;
    }
}
