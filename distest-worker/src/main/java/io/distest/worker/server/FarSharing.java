package io.distest.worker.server;

import io.distest.protocol.SpawnWorker;
import io.distest.shared.WorkerCommandLine;
import io.distest.shared.cds.Archives;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Class data sharing for the workers a server starts, as the build machine has it for its own: the jars the client
 * named ({@link SpawnWorker#sharedJars()}) come first on the worker's class path, as copies named by their content
 * in the server root's private {@code cds/} (a session's own copies change path every build, and an archive is
 * valid only for the paths, sizes and time stamps it was made from); the archive is trained on this host, beside
 * the run, at the lowest priority, and mapped by the workers of later builds. Tests still see the usual order in
 * {@code java.class.path}. Anything that cannot be had (a private cache, a jar's verified content) leaves the
 * worker as it was: it starts cold, but it starts.
 */
final class FarSharing {
    private final Optional<Archives> archives;
    private final ContentStore store;
    private final PrintStream log;

    /** One per session: a session records a class list for one worker only, as a build does. */
    FarSharing(Path cds, ContentStore store, PrintStream log) {
        this.archives = Archives.at(cds);
        this.store = store;
        this.log = log;
    }

    /** How a worker starts: its class path and the JVM options class data sharing adds. */
    record Start(List<String> classpath, List<String> jvmArgs) {}

    /**
     * @param classpath the worker's class path as the client sent it, resolved in the session
     * @param jvmArgs its JVM options, resolved in the session
     * @param syncedContent the session's synced files and their content's SHA-256
     */
    Start start(SpawnWorker spawn, List<Path> classpath, List<String> jvmArgs, Map<Path, String> syncedContent,
            Path session) {
        List<String> usual = classpath.stream().map(Path::toString).toList();
        Start cold = new Start(usual, List.of());
        if (archives.isEmpty() || spawn.sharedJars().isEmpty() || Archives.chooseTheirOwn(jvmArgs)) {
            return cold;
        }
        try {
            List<Path> copies = new ArrayList<>();
            List<Path> rest = new ArrayList<>(classpath);
            for (String jar : spawn.sharedJars()) {
                Path entry = SafePaths.resolve(session, jar);
                String sha256 = syncedContent.get(entry);
                if (sha256 == null || !rest.remove(entry)) {
                    continue; // not a synced entry of the class path: it keeps its place
                }
                copies.add(archives.get().cache().jarCopy(sha256, target -> store.materialize(sha256, target, false)));
            }
            if (copies.isEmpty()) {
                return cold;
            }
            List<String> added = new ArrayList<>(archives.get().jvmArgs(spawn.java(), copies, jvmArgs,
                    spawn.sharedFromLoadedClasses()));
            log.println("distest server: worker " + spawn.workerId() + " " + describe(added) + " (" + copies.size()
                    + " jars first)");
            added.add("-D" + WorkerCommandLine.CLASS_PATH_PROPERTY + "=" + String.join(File.pathSeparator, usual));
            List<String> ordered = new ArrayList<>(copies.stream().map(Path::toString).toList());
            rest.forEach(entry -> ordered.add(entry.toString()));
            return new Start(ordered, added);
        } catch (IOException | RuntimeException e) {
            log.println("distest server: worker " + spawn.workerId() + " starts without class data sharing: " + e);
            return cold;
        }
    }

    private static String describe(List<String> sharingArgs) {
        for (String arg : sharingArgs) {
            if (arg.startsWith("-XX:SharedArchiveFile=")) {
                return "maps class data sharing archive " + Path.of(arg.substring(arg.indexOf('=') + 1)).getFileName();
            }
            if (arg.startsWith("-XX:DumpLoadedClassList=")) {
                return "records the classes it loads for the next build's class data sharing archive";
            }
        }
        return "starts without class data sharing while an archive is trained";
    }
}
