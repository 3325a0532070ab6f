package io.distest.protocol;

/**
 * Worker to plugin: a report file a provider wrote while running a unit (TestNG's {@code testng-results.xml},
 * {@code junitreports/…}), sent before the unit's {@link UnitFinished}.
 *
 * @param path the file's path below the unit's reports directory, with {@code /} separators
 */
public record ReportFile(int unitId, String path, byte[] content) implements Message {
    public ReportFile {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("report file path must be relative and stay below its directory: " + path);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportFile that && unitId == that.unitId && path.equals(that.path)
                && java.util.Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "ReportFile[unitId=" + unitId + ", path=" + path + ", bytes=" + content.length + "]";
    }
}
