package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafePathsTest {
    private final Path root = Path.of("/srv/distest/sessions/s1");

    @Test
    void resolvesPlainRelativePathsInsideTheRoot() {
        assertEquals(root.resolve("repo/a/b.jar"), SafePaths.resolve(root, "repo/a/b.jar"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a/", "a\\b", "a\u0000b", "..", ".", "./", "a/."})
    void refusesAnythingThatIsNotAPlainPathInsideTheRoot(String path) {
        assertThrows(IllegalArgumentException.class, () -> SafePaths.resolve(root, path));
    }
}
