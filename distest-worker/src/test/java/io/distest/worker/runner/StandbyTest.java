package io.distest.worker.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.shared.WorkerCommandLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandbyTest {
    @Test
    void theHandOffLineGivesTheTokenAndTheAddressAndLeavesWhatFollowsForTheTests() throws IOException {
        InputStream in = input("s3cret-token 127.0.0.1:40123\nwhat a test reads");

        Optional<Standby.Handoff> handoff = Standby.await(in);

        assertEquals(Optional.of(new Standby.Handoff("s3cret-token", "127.0.0.1:40123")), handoff);
        assertEquals("what a test reads", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void whatTheBuildWritesIsWhatTheWorkerReads() throws IOException {
        assertEquals(Optional.of(new Standby.Handoff("t0k", "127.0.0.1:9")),
                Standby.await(input(WorkerCommandLine.standbyHandoff("t0k", "127.0.0.1:9"))));
    }

    @Test
    void anAddressWithSpacesStaysWhole() throws IOException {
        assertEquals("unix:/tmp/a dir/socket",
                Standby.await(input("token unix:/tmp/a dir/socket\n")).orElseThrow().connectTo());
    }

    @Test
    void inputThatEndsBeforeALineMeansTheBuildHasNoRunForIt() throws IOException {
        assertEquals(Optional.empty(), Standby.await(input("")));
        assertEquals(Optional.empty(), Standby.await(input("token-without-an-end")));
    }

    @Test
    void aLineWithoutTokenAndAddressIsRefusedWithoutEchoingIt() {
        IOException e = assertThrows(IOException.class, () -> Standby.await(input("just-one-word\n")));

        assertTrue(e.getMessage().contains("expected \"TOKEN ADDRESS\""), e.getMessage());
        assertTrue(!e.getMessage().contains("just-one-word"), "a token is never printed: " + e.getMessage());
    }

    @Test
    void anEndlessLineIsRefused() {
        assertThrows(IOException.class, () -> Standby.await(input("x".repeat(10_000))));
    }

    @Test
    void theWarmUpLeavesStandardOutputAsItFoundIt() {
        java.io.PrintStream before = System.out;

        Standby.warmUp(input(""));

        assertEquals(before, System.out);
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loadsTheWorkersOwnClassesBeforeTheHandOffBeyondItsRunners() throws Exception {
        Path runners = Path.of(Standby.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/distest/worker/runner");
        long runnerClasses;
        try (var files = Files.list(runners)) {
            runnerClasses = files.filter(f -> f.toString().endsWith(".class")).count();
        }

        int loaded = Standby.loadWhatTheHandOffRuns();

        assertTrue(loaded > runnerClasses, loaded + " loaded, " + runnerClasses + " in the runner package alone");
    }
}
