package io.distest.protocol;

import java.util.List;

/** Every file the session needs; the far side answers with a {@link SyncRequest} for the content it lacks. */
public record SyncManifest(List<FileEntry> files) implements Message {
    public SyncManifest {
        files = List.copyOf(files);
    }
}
