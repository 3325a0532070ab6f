package io.distest.worker.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code serve}.
 *
 * @param bind the address to listen on (loopback unless told otherwise: the server runs code it is sent)
 * @param port the port, 0 for any free one
 * @param root the cache and session directory
 * @param tokenFile where the token is read from, or written to when absent
 * @param lifeline exit when standard input ends (the ssh gateway's way of tying the server to its connection)
 * @param maxConnections connections served at once; more are refused
 * @param handshakeMillis how long a new connection may take, in all, to prove the token
 * @param maxUnauthenticated connections that may wait to prove the token; when more arrive, the longest waiting
 *     is dropped
 * @param idleMillis how long an authenticated connection may stay silent while nothing runs for it
 * @param lingerMillis with {@code lifeline}: how long the server stays, idle, after its standard input ended, for
 *     the next build (0: it exits then)
 * @param lingerFile with {@code lingerMillis}: where it says, while it lives, how the next build reaches it
 */
record ServerOptions(String bind, int port, Path root, Path tokenFile, boolean lifeline, int maxConnections,
        int handshakeMillis, int maxUnauthenticated, int idleMillis, int lingerMillis, Path lingerFile) {

    ServerOptions(String bind, int port, Path root, Path tokenFile, boolean lifeline, int maxConnections,
            int handshakeMillis, int maxUnauthenticated, int idleMillis) {
        this(bind, port, root, tokenFile, lifeline, maxConnections, handshakeMillis, maxUnauthenticated, idleMillis, 0,
                null);
    }

    static final int DEFAULT_HANDSHAKE_MILLIS = 10_000;
    static final int DEFAULT_MAX_UNAUTHENTICATED = 256;
    static final int DEFAULT_IDLE_SECONDS = 600;

    static final String USAGE = """
            usage: java -jar distest-worker.jar serve [--bind ADDRESS] [--port PORT] [--root DIR] [--token-file FILE]
                                                      [--max-connections N] [--max-unauthenticated N]
                                                      [--idle-timeout SECONDS] [--lifeline-stdin] [--stdio]
                                                      [--linger SECONDS --linger-file FILE]
              --bind        address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              --port        port to listen on (default 8888; 0 for any free port)
              --root        cache and session directory (default $XDG_CACHE_HOME/distest or ~/.cache/distest)
              --token-file  file holding the token clients must present (created with a new token if absent;
                            default ROOT/server.token; $DISTEST_TOKEN, if set, wins)
              --max-connections  authenticated connections served at once (default 64)
              --max-unauthenticated  connections that may wait to prove the token (default 256); when more
                            arrive, the one waiting longest is dropped. Each has 10 s in all to prove it.
              --idle-timeout  seconds an authenticated connection may stay silent while nothing runs for it
                            (default 600)
              --lifeline-stdin   read the token from the first line of standard input and exit when it ends
              --linger      with --lifeline-stdin: when standard input ends, stay this many seconds more while
                            idle (no build attached), for the next build; 0 (default): exit at once
              --linger-file while lingering, write "PORT TOKEN PID" to this private file (0600) for the next
                            build to find; withdrawn before the server exits
              --stdio       serve through standard input and output alone (the exec= gateway): print a ready
                            line, read the token from the first line of input, then carry every connection
                            multiplexed over the two streams; exit when input ends
            """;

    static ServerOptions parse(List<String> args) {
        String bind = "127.0.0.1";
        int port = 8888;
        Path root = defaultRoot();
        Path tokenFile = null;
        boolean lifeline = false;
        int maxConnections = 64;
        int maxUnauthenticated = DEFAULT_MAX_UNAUTHENTICATED;
        int idleSeconds = DEFAULT_IDLE_SECONDS;
        int lingerSeconds = 0;
        Path lingerFile = null;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--bind" -> bind = value(option, rest);
                case "--port" -> port = number(option, value(option, rest), 0, 65535);
                case "--root" -> root = Path.of(value(option, rest));
                case "--token-file" -> tokenFile = Path.of(value(option, rest));
                case "--max-connections" -> maxConnections = number(option, value(option, rest), 1, 10_000);
                case "--max-unauthenticated" -> maxUnauthenticated = number(option, value(option, rest), 1, 100_000);
                case "--idle-timeout" -> idleSeconds = number(option, value(option, rest), 1, 86_400 * 7);
                case "--lifeline-stdin" -> lifeline = true;
                case "--linger" -> lingerSeconds = number(option, value(option, rest), 0, 86_400);
                case "--linger-file" -> lingerFile = Path.of(value(option, rest));
                default -> throw new IllegalArgumentException("unknown option \"" + option + "\"");
            }
        }
        if (lingerSeconds > 0 && (!lifeline || lingerFile == null)) {
            throw new IllegalArgumentException("--linger needs --lifeline-stdin and --linger-file");
        }
        return new ServerOptions(bind, port, root.toAbsolutePath(),
                tokenFile != null ? tokenFile : root.toAbsolutePath().resolve("server.token"), lifeline, maxConnections,
                DEFAULT_HANDSHAKE_MILLIS, maxUnauthenticated, idleSeconds * 1000, lingerSeconds * 1000, lingerFile);
    }

    static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("distest");
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static int number(String option, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max + ", got \"" + text + "\"");
    }
}
