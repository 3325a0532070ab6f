package io.distest.protocol;

/**
 * One file of a sync manifest.
 *
 * @param path where it lands, relative to the session directory, always with {@code /}
 * @param sha256 the content hash, lower-case hex: the far side's cache key
 * @param executable whether it gets the executable bit
 */
public record FileEntry(String path, long size, String sha256, boolean executable) {}
