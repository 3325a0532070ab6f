package io.distest.worker.server;

import io.distest.protocol.Attached;
import io.distest.protocol.FileEntry;
import io.distest.protocol.MessageCodec;
import io.distest.protocol.Protocol;
import io.distest.protocol.SyncManifest;
import io.distest.protocol.SyncRequest;
import io.distest.protocol.WorkerFacts;
import io.distest.shared.PrivateFiles;
import io.distest.shared.Quietly;
import io.distest.shared.Secrets;
import io.distest.shared.Threads;
import io.distest.shared.TokenProof;
import io.distest.shared.WorkerCommandLine;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/** {@code java -jar distest-worker.jar serve}: sets up the token, starts the {@link Server}, says how to reach it. */
public final class ServeCommand {
    /** The first line the ssh gateway reads to learn the port. */
    static final String PORT_LINE_PREFIX = "DISTEST-SERVER-PORT ";

    private ServeCommand() {}

    public static int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err) {
        ServerOptions options;
        boolean stdio = args.contains("--stdio");
        try {
            options = ServerOptions.parse(args.stream().filter(a -> !a.equals("--stdio")).toList());
        } catch (IllegalArgumentException e) {
            err.println("distest server: " + e.getMessage());
            err.print(ServerOptions.USAGE);
            return WorkerCommandLine.EXIT_USAGE;
        }
        if (stdio) { // the exec= gateway: frames on the real standard output, which PrintStream would not report failing
            return StdioServer.run(options, stdin, out == System.out ? new FileOutputStream(FileDescriptor.out) : out, err);
        }
        try {
            BufferedReader input = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String token = options.lifeline() ? input.readLine() : token(options.tokenFile());
            if (token == null || token.isBlank()) {
                err.println("distest server: no token on the first line of standard input");
                return WorkerCommandLine.EXIT_USAGE;
            }
            Server server = new Server(options, token.strip(), err);
            Runtime.getRuntime().addShutdownHook(Threads.unstarted(() -> Quietly.close(server), "distest-server-shutdown"));
            if (options.lifeline()) {
                Lingering lingering = options.lingerMillis() > 0 ? advertised(new Lingering(options.lingerFile(),
                        server.port(), token.strip(), server::busy, System::nanoTime), err) : null;
                out.println(PORT_LINE_PREFIX + server.port());
                out.flush();
                warmUp(); // while the client opens its tunnel
                Threads.start(() -> {
                    try {
                        while (input.readLine() != null) {
                            // nothing is expected; the stream only has to stay open
                        }
                    } catch (IOException ignored) {
                        // treated as the end
                    }
                    if (lingering != null) {
                        try {
                            lingering.awaitIdle(options.lingerMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        lingering.withdraw();
                    }
                    Quietly.close(server);
                    Runtime.getRuntime().halt(0);
                }, "distest-lifeline");
            } else {
                out.println("distest worker server listening on " + server.address() + " (cache " + options.root() + ")");
                boolean fromEnvironment = System.getenv(Protocol.TOKEN_ENV) != null
                        && !System.getenv(Protocol.TOKEN_ENV).isBlank();
                out.println("token: " + (fromEnvironment ? "the value of $" + Protocol.TOKEN_ENV + " given to this server"
                        : "in " + options.tokenFile() + " (keep it secret: whoever holds it runs code as this user)"));
                out.println("run a build on it with (the token in the environment, never on a command line):");
                out.println("  " + Protocol.TOKEN_ENV + "=" + (fromEnvironment ? "…" : "$(cat " + options.tokenFile() + ")")
                        + " mvn verify -Ddistest.tx=socket=" + server.address());
                out.flush();
            }
            server.serve();
            return 0;
        } catch (IOException e) {
            err.println("distest server: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Writes the lingering server's state file (builds running beside the one that started it may use the server
     * too); returns null when it cannot be written: the server then ends with its build, as without {@code --linger}.
     */
    private static Lingering advertised(Lingering lingering, PrintStream err) {
        try {
            lingering.advertise();
            return lingering;
        } catch (IOException e) {
            err.println("distest server: not lingering after the build: " + e.getMessage());
            return null;
        }
    }

    /**
     * Loads, on a daemon thread, what the first connection needs (the codec and its message classes, this host's
     * facts), so that the first Attach is not answered by a cold JVM.
     */
    static void warmUp() {
        Threads.start(() -> {
            try {
                MessageCodec codec = new MessageCodec();
                codec.decode(codec.encode(new Attached(WorkerFacts.ofThisJvm(),
                        TokenProof.ofServer("warm-up", TokenProof.nonce(), TokenProof.nonce()))));
                codec.decode(codec.encode(new SyncManifest(List.of(new FileEntry("a", 0, "0".repeat(64), false)))));
                codec.decode(codec.encode(new SyncRequest(List.of(0))));
            } catch (IOException | RuntimeException e) {
                // only a warm-up: the real messages meet the same code
            }
        }, "distest-server-warm-up");
    }

    /**
     * $DISTEST_TOKEN if set; else the token file's content, created with a new random token if absent. The file is
     * never followed through a link, must belong to this user and be private to it, and is created atomically
     * {@code 0600}.
     */
    static String token(Path tokenFile) throws IOException {
        String fromEnvironment = System.getenv(Protocol.TOKEN_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        Path file = tokenFile.toAbsolutePath();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
            PrivateFiles.check(file, "the token file", true, LinkOption.NOFOLLOW_LINKS);
            try (var in = Channels.newInputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)))) {
                return new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            }
        }
        String token = Secrets.token(24);
        PrivateFiles.createDirectories(file.getParent());
        try (var channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), PrivateFiles.mode(PrivateFiles.FILE))) {
            channel.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        return token;
    }

}
