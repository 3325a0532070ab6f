package io.distest.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;

/**
 * What identifies one state of a file without reading it: kind, inode, size, modification and change times. The
 * change time cannot be set back by a user, so content rewritten and re-dated still shows. Used where a hash is
 * kept for a file instead of reading it again: the far side's content store and the build's sync plan.
 */
public record FileStamp(boolean regular, String fileKey, long size, long modified, String changed) {

    /** The file's stamp now, never through a link; null if it does not exist. */
    public static FileStamp of(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        Object changed;
        try {
            changed = Files.getAttribute(path, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            changed = null;
        }
        return new FileStamp(attributes.isRegularFile(), Objects.toString(attributes.fileKey(), null),
                attributes.size(), attributes.lastModifiedTime().toMillis(), Objects.toString(changed, null));
    }

    /** Whether a kept hash may stand for this stamp at all: a regular file with an inode and a change time. */
    public boolean keepable() {
        return regular && fileKey != null && changed != null;
    }

    /**
     * Whether the file was last modified or changed at or after {@code instant}: a file written in the same clock
     * tick as it was hashed could be written again without a new stamp, so such a hash is not kept.
     */
    public boolean touchedSince(Instant instant) {
        if (!Instant.ofEpochMilli(modified).isBefore(instant)) {
            return true;
        }
        try {
            return changed == null || !Instant.parse(changed).isBefore(instant);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** One index line's fields (tab-separated); only {@link #keepable} stamps are worth writing. */
    public String format() {
        return regular + "\t" + fileKey + "\t" + size + "\t" + modified + "\t" + changed;
    }

    /** The stamp {@link #format} wrote, or null if {@code line} is not a keepable one. */
    public static FileStamp parse(String line) {
        String[] fields = line == null ? new String[0] : line.split("\t", -1);
        if (fields.length != 5 || !fields[0].equals("true") || fields[1].isEmpty() || fields[1].equals("null")
                || fields[4].isEmpty() || fields[4].equals("null")) {
            return null;
        }
        try {
            return new FileStamp(true, fields[1], Long.parseLong(fields[2]), Long.parseLong(fields[3]), fields[4]);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
