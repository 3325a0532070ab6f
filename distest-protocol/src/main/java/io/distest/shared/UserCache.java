package io.distest.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This user's private cache of distest ({@code ~/.cache/distest}, or under {@code $XDG_CACHE_HOME}): what is kept
 * there is run as this user's code (class data sharing archives, the command lines of standby workers), so each of
 * its directories is checked before it is trusted.
 */
public final class UserCache {
    private UserCache() {}

    /** {@code name} in this user's distest cache (not yet checked: see {@link #at}). */
    public static Path directory(String name) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("distest").resolve(name);
    }

    /**
     * {@code directory}, made if missing, if no one else can replace it: it and its parent are this user's and
     * private, and the parent's parent is this user's or root's and writable by no one else (or sticky, as
     * {@code /tmp}). Otherwise another account could swap the checked directory for one of its own between the check
     * and its use. Empty when that cannot be had.
     */
    public static Optional<Path> at(Path directory, String what) {
        try {
            Path parent = directory.toAbsolutePath().getParent();
            Files.createDirectories(parent.getParent());
            noOneElseCanReplaceIn(parent.getParent());
            PrivateFiles.directory(parent, what + "'s parent");
            return Optional.of(PrivateFiles.directory(directory, what));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void noOneElseCanReplaceIn(Path directory) throws IOException {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return;
        }
        int owner = (Integer) Files.getAttribute(directory, "unix:uid");
        int mode = (Integer) Files.getAttribute(directory, "unix:mode");
        boolean sticky = (mode & 01000) != 0;
        if ((owner != PrivateFiles.uid() && owner != 0) || ((mode & 022) != 0 && !sticky)) {
            throw new IOException(directory + " can be changed by another account");
        }
    }
}
