package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.protocol.SpawnWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a lingering server's standby JVM may be handed to the next session's worker, and when it must not. */
class FarStandbyTest {
    @TempDir
    Path session;

    private Process sleeping;
    private Map<Path, String> synced;

    @BeforeEach
    void startAJvmStandIn() throws IOException {
        sleeping = new ProcessBuilder("sleep", "60").start();
        Files.createDirectories(session.resolve("project/target/classes"));
        synced = Map.of(session.resolve("repo/junit.jar"), "aa", session.resolve("repo/agent.jar"), "bb",
                session.resolve("project/target/classes/A.class"), "cc");
    }

    @AfterEach
    void stop() {
        sleeping.destroyForcibly();
    }

    private static SpawnWorker spawn(String token, List<String> jvmArgs) {
        return new SpawnWorker("gw0", "java", jvmArgs, List.of("repo/junit.jar", "project/target/classes"), "project",
                Map.of("A", "1"), token, List.of());
    }

    private FarStandby standby() {
        SpawnWorker asked = spawn("first-token", List.of("-Xmx1g"));
        return new FarStandby(asked, FarStandby.shapeOf(asked, session, synced), sleeping);
    }

    @Test
    void fitsTheSameRequestWithAnotherTokenAndChangedClassFiles() {
        SpawnWorker next = spawn("next-token", List.of("-Xmx1g"));
        Map<Path, String> recompiled = Map.of(session.resolve("repo/junit.jar"), "aa", session.resolve("repo/agent.jar"),
                "bb", session.resolve("project/target/classes/A.class"), "dd");

        assertTrue(standby().fits(next, FarStandby.shapeOf(next, session, recompiled)));
    }

    @Test
    void doesNotFitAnotherCommandLine() {
        SpawnWorker next = spawn("next-token", List.of("-Xmx2g"));

        assertFalse(standby().fits(next, FarStandby.shapeOf(next, session, synced)));
    }

    @Test
    void doesNotFitOnceAJarItMayHaveOpenedChanged() {
        SpawnWorker next = spawn("next-token", List.of("-Xmx1g"));
        Map<Path, String> newAgent = Map.of(session.resolve("repo/junit.jar"), "aa", session.resolve("repo/agent.jar"),
                "b2", session.resolve("project/target/classes/A.class"), "cc");

        assertFalse(standby().fits(next, FarStandby.shapeOf(next, session, newAgent)), "an agent jar off the class path");
    }

    @Test
    void doesNotFitWhenAClassPathDirectoryAppearedOrWentAway() throws IOException {
        FarStandby standby = standby();
        SpawnWorker next = spawn("next-token", List.of("-Xmx1g"));
        SortedMap<String, String> before = FarStandby.shapeOf(next, session, synced);
        Files.delete(session.resolve("project/target/classes"));

        assertTrue(standby.fits(next, before));
        assertFalse(standby.fits(next, FarStandby.shapeOf(next, session, synced)));
    }

    @Test
    void doesNotFitOnceItsJvmIsGone() throws InterruptedException {
        FarStandby standby = standby();
        SpawnWorker next = spawn("next-token", List.of("-Xmx1g"));
        standby.end();
        sleeping.waitFor();

        assertFalse(standby.fits(next, FarStandby.shapeOf(next, session, synced)));
    }
}
