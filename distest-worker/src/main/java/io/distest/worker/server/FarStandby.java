package io.distest.worker.server;

import io.distest.protocol.SpawnWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A worker JVM a lingering server started when a session ended, on the command line that session's worker of the
 * same id had: it warms up, then waits for the next session of the same home to {@link #fits fit} it and hand it the
 * run's token (see {@link RemoteWorker#handOver}).
 *
 * @param asked the session's request, its token left out
 * @param shape what the JVM may have read before the hand-off, as it was when it started (see {@link #shapeOf})
 */
record FarStandby(SpawnWorker asked, SortedMap<String, String> shape, Process process) {
    private static final String DIRECTORY = "directory";
    private static final String ABSENT = "absent";

    FarStandby {
        asked = withoutToken(asked); // no secret kept longer than needed, and none to compare
    }

    /** Starts the standby for {@code spawn} in {@code session}, whose files are {@code synced}. */
    static FarStandby start(SpawnWorker spawn, Path session, Map<Path, String> synced, RemoteWorker.StartPlan plan)
            throws IOException {
        SortedMap<String, String> shape = shapeOf(spawn, session, synced);
        return new FarStandby(spawn, shape, RemoteWorker.startStandby(spawn, session, plan));
    }

    /**
     * What a JVM started for {@code spawn} may have read before its run: each class path entry (a jar's content, a
     * directory, or absent: a class path entry missing at the start is never looked at again) and every synced jar's
     * content (an agent's, or one another jar names). A class directory's files are read only once a test asks.
     */
    static SortedMap<String, String> shapeOf(SpawnWorker spawn, Path session, Map<Path, String> synced) {
        SortedMap<String, String> shape = new TreeMap<>();
        synced.forEach((file, sha256) -> {
            if (file.getFileName().toString().endsWith(".jar")) {
                shape.put(file.toString(), sha256);
            }
        });
        for (String entry : spawn.classpath()) {
            Path file = SafePaths.resolve(session, entry);
            String sha256 = synced.get(file);
            shape.put(file.toString(), sha256 != null ? sha256
                    : Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : ABSENT);
        }
        return shape;
    }

    /** Whether this JVM is what {@code spawn} asks for, and still there to take it. */
    boolean fits(SpawnWorker spawn, SortedMap<String, String> shapeNow) {
        return process.isAlive() && asked.equals(withoutToken(spawn)) && shape.equals(shapeNow);
    }

    void end() {
        process.destroyForcibly();
    }

    private static SpawnWorker withoutToken(SpawnWorker spawn) {
        return new SpawnWorker(spawn.workerId(), spawn.java(), spawn.jvmArgs(), spawn.classpath(),
                spawn.workingDirectory(), spawn.environment(), "", spawn.excludedEnvironment(), spawn.sharedJars(),
                spawn.sharedFromLoadedClasses());
    }
}
