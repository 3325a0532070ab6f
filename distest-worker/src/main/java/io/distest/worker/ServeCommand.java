package io.distest.worker;

import io.distest.protocol.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** {@code java -jar distest-worker.jar serve}: sets up the token, starts the {@link Server}, says how to reach it. */
final class ServeCommand {
    /** The first line the ssh gateway reads to learn the port. */
    static final String PORT_LINE_PREFIX = "DISTEST-SERVER-PORT ";

    private ServeCommand() {}

    static int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("distest server: " + e.getMessage());
            err.print(ServerOptions.USAGE);
            return WorkerMain.EXIT_USAGE;
        }
        try {
            BufferedReader input = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String token = options.lifeline() ? input.readLine() : token(options.tokenFile());
            if (token == null || token.isBlank()) {
                err.println("distest server: no token on the first line of standard input");
                return WorkerMain.EXIT_USAGE;
            }
            Server server = new Server(options, token.strip(), err);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server)));
            if (options.lifeline()) {
                out.println(PORT_LINE_PREFIX + server.port());
                out.flush();
                Thread lifeline = new Thread(() -> {
                    try {
                        while (input.readLine() != null) {
                            // nothing is expected; the stream only has to stay open
                        }
                    } catch (IOException ignored) {
                        // treated as the end
                    }
                    closeQuietly(server);
                    Runtime.getRuntime().halt(0);
                }, "distest-lifeline");
                lifeline.setDaemon(true);
                lifeline.start();
            } else {
                out.println("distest worker server listening on " + server.address() + " (cache " + options.root() + ")");
                out.println("token (also in " + options.tokenFile() + "): " + token);
                out.println("run a build on it with:");
                out.println("  mvn verify -Ddistest.tx=socket=" + server.address() + " -Ddistest.token=" + token);
                out.flush();
            }
            server.serve();
            return 0;
        } catch (IOException e) {
            err.println("distest server: " + e.getMessage());
            return 1;
        }
    }

    /** $DISTEST_TOKEN if set; else the token file's content, created with a new random token if absent. */
    private static String token(Path tokenFile) throws IOException {
        String fromEnvironment = System.getenv(Protocol.TOKEN_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        if (Files.exists(tokenFile)) {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createDirectories(tokenFile.toAbsolutePath().getParent());
        Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return token;
    }

    private static void closeQuietly(Server server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }
}
