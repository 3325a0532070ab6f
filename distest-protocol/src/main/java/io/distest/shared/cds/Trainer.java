package io.distest.shared.cds;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes an archive: a JVM with only the archived jars on its class path runs the worker's warm-up
 * ({@code io.distest.worker.runner.WarmUp}) and writes the classes it loaded as it exits. It runs beside the build at the
 * lowest priority {@code nice} gives, so that this run's workers, which start without the archive, keep the cores;
 * the next run's use it. A shell around it makes the finished archive the cache's once the JVM has exited, so that
 * a build shorter than the training still leaves one. One trainer per archive at a time, across builds (a lock file
 * in the cache, taken over once stale).
 */
final class Trainer {
    private static final String MAIN_CLASS = "io.distest.worker.runner.WarmUp";
    private static final Map<String, CompletableFuture<Void>> RUNNING = new ConcurrentHashMap<>();
    private static final String PUBLISH = "\"$@\" && mv -f \"$DISTEST_CDS_PART\" \"$DISTEST_CDS_ARCHIVE\";"
            + " rm -f \"$DISTEST_CDS_PART\" \"$DISTEST_CDS_LOCK\"";

    private Trainer() {}

    /** @param classList the classes a worker loaded, to load before the warm-up; {@code null}: the warm-up alone */
    static void startIfIdle(CdsCache cache, String key, String java, List<Path> archivedJars, List<String> layoutOptions,
            Path classList) {
        RUNNING.computeIfAbsent(key, k -> {
            try {
                return cache.lock(key) ? start(cache, key, java, archivedJars, layoutOptions, classList) : null;
            } catch (IOException | RuntimeException e) {
                return null; // no archive this time: workers start as they always did
            }
        });
    }

    private static CompletableFuture<Void> start(CdsCache cache, String key, String java, List<Path> archivedJars,
            List<String> layoutOptions, Path classList) throws IOException {
        Path part = cache.part(key);
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", PUBLISH, "sh"));
        if (new File("/usr/bin/nice").canExecute()) {
            command.addAll(List.of("/usr/bin/nice", "-n", "19"));
        }
        command.add(java);
        command.addAll(layoutOptions);
        command.addAll(Archives.QUIET);
        command.add("-XX:ArchiveClassesAtExit=" + part);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, archivedJars.stream().map(Path::toString).toList()));
        command.add(MAIN_CLASS);
        if (classList != null) {
            command.add(classList.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(cache.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("DISTEST_CDS_PART", part.toString());
        builder.environment().put("DISTEST_CDS_ARCHIVE", cache.archive(key).toString());
        builder.environment().put("DISTEST_CDS_LOCK", cache.lockFile(key).toString());
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<Void> done = new CompletableFuture<>();
        process.onExit().thenRun(() -> {
            RUNNING.remove(key);
            done.complete(null);
        });
        return done;
    }

    /** Completes when every trainer this build started has ended (for tests: a build never waits). */
    static CompletableFuture<Void> allEnded() {
        return CompletableFuture.allOf(RUNNING.values().toArray(new CompletableFuture<?>[0]));
    }
}
