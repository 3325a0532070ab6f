package io.distest.maven.sync;

import io.distest.maven.settings.SyncSettings;
import io.distest.protocol.FileEntry;
import io.distest.shared.Sha256;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which local files a remote session needs and where each lands on the far side: the class path, the worker
 * jar, the module's {@code pom.xml} and {@code src} tree, and the {@code rsyncDirs}, minus {@code rsyncIgnores}
 * and build clutter.
 *
 * <p>Links: a link to a file travels as a plain file with the target's content; a link to a directory is not
 * followed. Permissions: only the executable bit travels. Nothing outside the mapped roots keeps its absolute
 * path: the far side sees {@code repo/…}, {@code project/…} and {@code extra/…} under its session directory.
 */
public final class SyncPlan {
    /** Never sent from a synced directory, whatever {@code rsyncIgnores} says. */
    static final List<String> CLUTTER = List.of(".git", ".git/**", "**/.git/**", ".svn/**", "**/.svn/**", ".idea/**",
            "**/*.iml", "target/**", "**/.DS_Store");

    /** One file to send. */
    public record Item(Path local, String remote, boolean executable) {}

    private final SyncSettings settings;
    private final Map<String, Item> items = new LinkedHashMap<>();
    /** Synced trees outside the local repository and the project: each keeps its inner layout under extra/. */
    private final List<Path> extraRoots = new ArrayList<>();

    private SyncPlan(SyncSettings settings) {
        this.settings = settings;
    }

    /** @param runFiles what the workers run: the class path and the worker jar */
    public static SyncPlan of(List<Path> runFiles, SyncSettings settings) throws IOException {
        SyncPlan plan = new SyncPlan(settings);
        for (Path entry : runFiles) {
            plan.addTree(entry, List.of());
        }
        plan.addTree(settings.moduleBasedir().resolve("pom.xml"), List.of());
        plan.addTree(settings.moduleBasedir().resolve("src"), CLUTTER);
        List<String> ignores = new ArrayList<>(CLUTTER);
        ignores.addAll(settings.rsyncIgnores());
        for (Path dir : settings.rsyncDirs()) {
            Path resolved = settings.moduleBasedir().resolve(dir).normalize();
            if (!Files.exists(resolved)) {
                throw new IOException("rsyncDirs entry \"" + dir + "\" does not exist (resolved against "
                        + settings.moduleBasedir() + " to " + resolved + ")");
            }
            plan.addTree(resolved, ignores);
        }
        return plan;
    }

    public List<Item> items() {
        return List.copyOf(items.values());
    }

    /** Where a local path (a class path entry, the working directory) is found on the far side. */
    public String remotePathOf(Path local) {
        Path path = local.toAbsolutePath().normalize();
        Path repo = settings.localRepository().toAbsolutePath().normalize();
        Path project = settings.projectRoot().toAbsolutePath().normalize();
        if (path.startsWith(repo)) {
            return join("repo", repo.relativize(path));
        }
        if (path.startsWith(project)) {
            return path.equals(project) ? "project" : join("project", project.relativize(path));
        }
        for (Path root : extraRoots) {
            if (path.startsWith(root)) {
                return path.equals(root) ? extraPrefix(root) : join(extraPrefix(root), root.relativize(path));
            }
        }
        return extraPrefix(path);
    }

    /** {@code extra/<hash of the absolute path>/<name>}: distinct local trees never meet on the far side. */
    private static String extraPrefix(Path root) {
        String bucket = Sha256.hex(String.valueOf(root).getBytes()).substring(0, 12);
        return "extra/" + bucket + "/" + root.getFileName();
    }

    /** The manifest: every item with its size and content hash (not read for a file {@code hashes} knows unchanged). */
    public List<FileEntry> manifest(SyncHashes hashes) throws IOException {
        List<FileEntry> entries = new ArrayList<>();
        for (Item item : items.values()) {
            Path local = item.local();
            entries.add(new FileEntry(item.remote(), Files.size(local), hashes.sha256(local), item.executable()));
        }
        return entries;
    }

    private void addTree(Path tree, List<String> ignores) throws IOException {
        Path root = tree.toAbsolutePath().normalize();
        if (remotePathOf(root).startsWith("extra/") && !extraRoots.contains(root)) {
            extraRoots.add(root);
        }
        if (Files.isRegularFile(root)) {
            add(root);
            return;
        }
        if (!Files.isDirectory(root)) {
            return; // a class path entry that was never built (e.g. no main classes): nothing to send
        }
        List<PathMatcher> matchers = ignores.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = root.relativize(file);
                if (Files.isRegularFile(file) && matchers.stream().noneMatch(m -> m.matches(relative))) {
                    add(file);
                }
            }
        }
    }

    private void add(Path file) {
        String remote = remotePathOf(file);
        items.putIfAbsent(remote, new Item(file, remote, Files.isExecutable(file) && !file.toString().endsWith(".jar")));
    }

    private static String join(String prefix, Path relative) {
        return prefix + "/" + relative.toString().replace('\\', '/');
    }
}
