package io.distest.maven.settings;

import java.nio.file.Path;
import java.util.List;

/**
 * What travels to a remote gateway besides the class path, and how local paths map to far-side ones.
 *
 * @param localRepository files under it land under {@code repo/}
 * @param projectRoot the reactor's top directory: files under it land under {@code project/}
 * @param moduleBasedir the module whose tests run; its {@code src} tree always travels
 * @param rsyncDirs further directories to send, relative to the module (py.test's {@code rsyncdirs})
 * @param rsyncIgnores glob patterns (relative to each synced directory) of files that stay here
 */
public record SyncSettings(Path localRepository, Path projectRoot, Path moduleBasedir, List<Path> rsyncDirs,
        List<String> rsyncIgnores) {
    public SyncSettings {
        rsyncDirs = List.copyOf(rsyncDirs);
        rsyncIgnores = List.copyOf(rsyncIgnores);
    }
}
