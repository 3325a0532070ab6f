package io.distest.protocol;

import java.util.List;

/** Indexes into the manifest whose content the far side does not have: only those bytes travel. */
public record SyncRequest(List<Integer> missing) implements Message {
    public SyncRequest {
        missing = List.copyOf(missing);
    }
}
