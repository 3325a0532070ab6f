package io.distest.shared;

/** Closing on paths that are already failing or ending, where a second error would only hide the first. */
public final class Quietly {
    private Quietly() {}

    /** Closes {@code closeable} if there is one; whatever closing throws is dropped. */
    public static void close(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the caller is already on its way out; nothing better to do with it
        }
    }
}
