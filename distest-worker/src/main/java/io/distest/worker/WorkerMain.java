package io.distest.worker;

import io.distest.protocol.Protocol;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Entry point of the worker jar.
 *
 * <pre>
 * java -cp distest-worker.jar:TEST-CLASSPATH io.distest.worker.WorkerMain connect HOST:PORT WORKER-ID
 * java -jar distest-worker.jar serve [options]      (a worker server; see {@link ServerOptions#USAGE})
 * </pre>
 *
 * The session token comes from the environment variable {@value Protocol#TOKEN_ENV}, never the command line.
 */
public final class WorkerMain {
    /** Exit codes the plugin tells apart. */
    static final int EXIT_USAGE = 64;
    static final int EXIT_REFUSED = 65;
    static final int EXIT_CONNECTION_LOST = 66;

    private WorkerMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            System.exit(ServeCommand.run(java.util.List.of(args).subList(1, args.length), System.in, System.out, System.err));
        }
        PrintStream diagnostics = System.err;
        if (args.length != 3 || !args[0].equals("connect")) {
            diagnostics.println("usage: java -cp distest-worker.jar:<test classpath> io.distest.worker.WorkerMain"
                    + " connect HOST:PORT WORKER-ID   (token in $" + Protocol.TOKEN_ENV + ")");
            System.exit(EXIT_USAGE);
        }
        String token = System.getenv(Protocol.TOKEN_ENV);
        if (token == null || token.isEmpty()) {
            diagnostics.println("distest worker: $" + Protocol.TOKEN_ENV + " is not set; it must hold the session token");
            System.exit(EXIT_USAGE);
        }
        InetSocketAddress address = parseAddress(args[1]);
        int code;
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(address, 30_000);
            code = new Worker(args[2], token, socket.getInputStream(), socket.getOutputStream(), socket).run();
        } catch (IOException e) {
            diagnostics.println("distest worker " + args[2] + ": connection to " + args[1] + " failed: " + e);
            code = EXIT_CONNECTION_LOST;
        }
        // Halt rather than exit: a test's non-daemon thread must not keep a finished worker alive.
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    private static InetSocketAddress parseAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            System.err.println("distest worker: expected HOST:PORT, got \"" + hostPort + "\"");
            System.exit(EXIT_USAGE);
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
