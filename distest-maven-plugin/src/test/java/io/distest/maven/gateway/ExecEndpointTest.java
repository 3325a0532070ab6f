package io.distest.maven.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What an {@code exec=} command becomes: a shell on the far side reading its commands from standard input. */
class ExecEndpointTest {

    @Test
    void appendsShSoThatTheFarSideRunsAShell() {
        assertEquals(List.of("kubectl", "exec", "-i", "runner-0", "--", "sh"),
                ExecEndpoint.withShell(List.of("kubectl", "exec", "-i", "runner-0", "--")));
        assertEquals(List.of("ssh", "-T", "build7", "sh"), ExecEndpoint.withShell(List.of("ssh", "-T", "build7")));
        assertEquals(List.of("cmd", "/", "sh"), ExecEndpoint.withShell(List.of("cmd", "/")));
    }

    @Test
    void leavesACommandThatAlreadyEndsInAShellAsItIs() {
        assertEquals(List.of("ssh", "build7", "bash"), ExecEndpoint.withShell(List.of("ssh", "build7", "bash")));
        assertEquals(List.of("/bin/sh"), ExecEndpoint.withShell(List.of("/bin/sh")));
    }
}
