package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {
    @Test
    void defaultsKeepUnauthenticatedConnectionsApartAndCloseIdleOnesAfterTenMinutes() {
        ServerOptions options = ServerOptions.parse(List.of());
        assertEquals(64, options.maxConnections());
        assertEquals(256, options.maxUnauthenticated());
        assertEquals(10_000, options.handshakeMillis());
        assertEquals(600_000, options.idleMillis());
    }

    @Test
    void readsTheUnauthenticatedCapAndTheIdleTimeout() {
        ServerOptions options = ServerOptions.parse(List.of("--max-unauthenticated", "32", "--idle-timeout", "5"));
        assertEquals(32, options.maxUnauthenticated());
        assertEquals(5_000, options.idleMillis());
    }

    @Test
    void refusesAnIdleTimeoutThatIsNotAPositiveNumberOfSeconds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("--idle-timeout", "0")));
        assertEquals("--idle-timeout must be a number from 1 to 604800, got \"0\"", e.getMessage());
    }

    @Test
    void readsTheLingerTimeAndItsFileAndRefusesLingeringWithoutALifeline() {
        ServerOptions options = ServerOptions.parse(List.of("--lifeline-stdin", "--linger", "300", "--linger-file", "/r/l"));
        assertEquals(300_000, options.lingerMillis());
        assertEquals(java.nio.file.Path.of("/r/l"), options.lingerFile());
        assertEquals(0, ServerOptions.parse(List.of()).lingerMillis());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("--linger", "300", "--linger-file", "/r/l")));
        assertEquals("--linger needs --lifeline-stdin and --linger-file", e.getMessage());
    }
}
