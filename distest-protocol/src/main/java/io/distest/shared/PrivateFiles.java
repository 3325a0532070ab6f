package io.distest.shared;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only this user may touch: created {@code 0700}/{@code 0600}, and checked before they are
 * trusted (owned by this user, no write access for group or others). Where the file system has no POSIX
 * attributes, the checks are skipped.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--------");

    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");
    private static volatile Integer uid;

    private PrivateFiles() {}

    /** The attribute that creates a file or directory with {@code permissions} (nothing on non-POSIX systems). */
    public static FileAttribute<?>[] mode(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    /** Creates {@code directory} and its missing parents {@code 0700}. */
    public static Path createDirectories(Path directory) throws IOException {
        return Files.createDirectories(directory, mode(DIRECTORY));
    }

    /** Creates {@code directory} {@code 0700} if absent (never through a link), then checks it as {@link #check}. */
    public static Path directory(Path directory, String what) throws IOException {
        try {
            Files.createDirectory(directory, mode(DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            // checked below
        }
        check(directory, what, false, LinkOption.NOFOLLOW_LINKS);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(what + " " + directory + " is not a directory");
        }
        return directory;
    }

    /**
     * @param secret whether group and others may not even read it (the token)
     * @throws IOException saying why and what to do, if {@code path} is a link (with {@code NOFOLLOW_LINKS}), is
     *     owned by another user, or is writable (or, if secret, accessible at all) by group or others
     */
    public static void check(Path path, String what, boolean secret, LinkOption... options) throws IOException {
        if (!POSIX) {
            return;
        }
        if (options.length > 0 && Files.isSymbolicLink(path)) {
            throw new IOException("refusing " + what + " " + path + ": it is a symbolic link; use a real "
                    + (secret ? "file" : "directory") + " of your own");
        }
        int owner = (Integer) Files.getAttribute(path, "unix:uid", options);
        if (owner != uid()) {
            throw new IOException("refusing " + what + " " + path + ": it is owned by uid " + owner
                    + ", not by this process's user (uid " + uid() + "); another user could change it. Use a "
                    + (secret ? "file" : "directory") + " of your own");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, options);
        boolean open = permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if (secret) {
            open = permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        }
        if (open) {
            throw new IOException("refusing " + what + " " + path + ": its mode is "
                    + PosixFilePermissions.toString(permissions) + ", so " + (secret ? "group or others can read it" :
                    "group or others can write to it") + "; run chmod " + (secret ? "600 " : "go-w ") + path);
        }
    }

    /** Narrows a directory this user owns to {@code 0700}; true if it was wider. */
    public static boolean narrow(Path directory) throws IOException {
        if (!POSIX || Files.getPosixFilePermissions(directory).equals(DIRECTORY)) {
            return false;
        }
        Files.setPosixFilePermissions(directory, DIRECTORY);
        return true;
    }

    /** This process's user id: the owner of a file it has just created. */
    public static int uid() throws IOException {
        if (uid == null) {
            Path probe = Files.createTempFile("distest-uid", ".probe");
            try {
                uid = (Integer) Files.getAttribute(probe, "unix:uid");
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        return uid;
    }
}
