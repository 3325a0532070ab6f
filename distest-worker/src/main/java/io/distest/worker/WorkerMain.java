package io.distest.worker;

import io.distest.protocol.Protocol;
import io.distest.shared.ChannelStreams;
import io.distest.shared.WorkerCommandLine;
import io.distest.worker.runner.OwnOutOfMemory;
import io.distest.worker.runner.Standby;
import io.distest.worker.runner.Worker;
import io.distest.worker.server.ServeCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Entry point of the worker jar.
 *
 * <pre>
 * java -cp distest-worker.jar:TEST-CLASSPATH io.distest.worker.WorkerMain connect HOST:PORT WORKER-ID
 * java -cp distest-worker.jar:TEST-CLASSPATH io.distest.worker.WorkerMain connect unix:SOCKET-PATH WORKER-ID
 * java -cp distest-worker.jar:TEST-CLASSPATH io.distest.worker.WorkerMain standby WORKER-ID [WARM-FILE]
 * java -jar distest-worker.jar serve [options]      (a worker server; see {@link ServeCommand})
 * </pre>
 *
 * The session token comes from the environment variable {@value Protocol#TOKEN_ENV}, never the command line; a
 * {@code standby} worker, started before its run, reads the token and the address from standard input instead
 * (see {@link Standby}), and makes {@code WARM-FILE}, if given, once it is warm.
 */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            System.exit(ServeCommand.run(java.util.List.of(args).subList(1, args.length), System.in, System.out, System.err));
        }
        PrintStream diagnostics = System.err;
        String classPath = System.getProperty(WorkerCommandLine.CLASS_PATH_PROPERTY);
        if (classPath != null) {
            System.setProperty("java.class.path", classPath);
            System.clearProperty(WorkerCommandLine.CLASS_PATH_PROPERTY);
        }
        String connectTo;
        String token;
        String workerId = args.length > 1 ? args[1] : "";
        if ((args.length == 2 || args.length == 3) && args[0].equals("standby")) {
            Standby.warmUp(System.in);
            if (args.length == 3) {
                Standby.sayWarm(Path.of(args[2]));
            }
            Optional<Standby.Handoff> handoff = awaitHandoff(workerId, diagnostics);
            if (handoff.isEmpty()) {
                Runtime.getRuntime().halt(0); // the build ended without a run for this JVM
            }
            connectTo = handoff.get().connectTo();
            token = handoff.get().token();
        } else if (args.length == 3 && args[0].equals("connect")) {
            connectTo = args[1];
            workerId = args[2];
            token = System.getenv(Protocol.TOKEN_ENV);
            if (token == null || token.isEmpty()) {
                diagnostics.println("distest worker: $" + Protocol.TOKEN_ENV + " is not set; it must hold the session token");
                System.exit(WorkerCommandLine.EXIT_USAGE);
            }
        } else {
            diagnostics.println("usage: java -cp distest-worker.jar:<test classpath> io.distest.worker.WorkerMain"
                    + " connect HOST:PORT|unix:PATH WORKER-ID   (token in $" + Protocol.TOKEN_ENV + ")");
            System.exit(WorkerCommandLine.EXIT_USAGE);
            return;
        }
        OwnOutOfMemory.endTheWorkerOnIt();
        int code;
        try {
            code = connectTo.startsWith(WorkerCommandLine.UNIX_SOCKET)
                    ? overUnixSocket(Path.of(connectTo.substring(WorkerCommandLine.UNIX_SOCKET.length())), workerId, token)
                    : overTcp(parseAddress(connectTo), workerId, token);
        } catch (IOException e) {
            diagnostics.println("distest worker " + workerId + ": connection to " + connectTo + " failed: " + e);
            code = WorkerCommandLine.EXIT_CONNECTION_LOST;
        }
        // Halt rather than exit: a test's non-daemon thread must not keep a finished worker alive.
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    private static Optional<Standby.Handoff> awaitHandoff(String workerId, PrintStream diagnostics) {
        try {
            return Standby.await(System.in);
        } catch (IOException e) {
            diagnostics.println("distest worker " + workerId + ": no hand-off from the build: " + e.getMessage());
            Runtime.getRuntime().halt(WorkerCommandLine.EXIT_USAGE);
            return Optional.empty();
        }
    }

    private static int overTcp(InetSocketAddress address, String workerId, String token) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(address, 30_000);
            return new Worker(workerId, token, socket.getInputStream(), socket.getOutputStream(), socket).run();
        }
    }

    /** A worker server's worker: the socket lies in the session's private directory, so only its user reaches it. */
    private static int overUnixSocket(Path socketFile, String workerId, String token) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socketFile))) {
            return new Worker(workerId, token, ChannelStreams.in(channel), ChannelStreams.out(channel), channel).run();
        }
    }

    private static InetSocketAddress parseAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            System.err.println("distest worker: expected HOST:PORT, got \"" + hostPort + "\"");
            System.exit(WorkerCommandLine.EXIT_USAGE);
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
