package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteWorkerTest {
    private final Path session = Path.of("/srv/distest/sessions/s-1");

    @Test
    void theAgentJarAndTheModuleDirectoryAreResolvedInTheSessionLikeTheClassPath() {
        assertEquals(List.of("-javaagent:/srv/distest/sessions/s-1/extra/ab/distest-worker.jar",
                        "-Dbasedir=/srv/distest/sessions/s-1/project/core", "-Dother=project/core", "-Xmx1g"),
                RemoteWorker.inSession(List.of("-javaagent:extra/ab/distest-worker.jar", "-Dbasedir=project/core",
                        "-Dother=project/core", "-Xmx1g"), session));
    }

    @Test
    void anAbsolutePathIsLeftAsItIs() {
        assertEquals(List.of("-Dbasedir=/home/me/module"),
                RemoteWorker.inSession(List.of("-Dbasedir=/home/me/module"), session));
    }

    @Test
    void aRelativePathOutOfTheSessionIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RemoteWorker.inSession(List.of("-javaagent:../other/evil.jar"), session));
    }
}
