package io.distest.protocol;

import java.util.List;

/**
 * Every file the session needs; the far side answers with a {@link SyncRequest} for the content it lacks.
 *
 * @param home names what this session's runs are (the build's module and tx spec) and nothing else: a lingering
 *     server keeps the directory and standby workers of the last session of a home for the next session of the same
 *     home. Null: none kept, none taken
 */
public record SyncManifest(List<FileEntry> files, String home) implements Message {
    public SyncManifest {
        files = List.copyOf(files);
    }

    /** Without a home: the session starts in a fresh directory and leaves nothing behind. */
    public SyncManifest(List<FileEntry> files) {
        this(files, null);
    }
}
