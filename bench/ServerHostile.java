import io.distest.protocol.Attach;
import io.distest.protocol.Attached;
import io.distest.protocol.Configure;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.MessageCodec;
import io.distest.protocol.Protocol;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Attacks a real `distest-worker.jar serve` (a child JVM with -Xmx512m, on loopback) with the loads of issue 11
 * and prints, under each, the server's memory and how long an honest client takes to be admitted.
 * Run by bench/server-hostile.sh; works against older worker jars too (for a before/after comparison).
 */
public class ServerHostile {
    static final String TOKEN = "bench-token";
    static Process server;
    static int port;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path root = Files.createTempDirectory("distest-hostile-");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "serve", "--port", "0", "--root", root.toString())
                .redirectErrorStream(true);
        builder.environment().put("DISTEST_TOKEN", TOKEN);
        server = builder.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = reader.readLine();
        port = Integer.parseInt(first.replaceAll(".*listening on 127\\.0\\.0\\.1:(\\d+).*", "$1"));
        long[] logLines = new long[1];
        Thread drain = new Thread(() -> {
            try {
                while (reader.readLine() != null) {
                    logLines[0]++;
                }
            } catch (IOException ended) {
                // the server is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        System.out.printf("server: %s, pid %d, -Xmx512m%n", jar.getFileName(), server.pid());
        System.out.printf("%-44s %10s %14s %12s %22s%n", "load", "RSS MiB", "heap used MiB", "alive", "admission ms (5 tries)");
        try {
            measure("idle", List.of());
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Socket s = open();
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeInt(Protocol.MAX_FRAME_BYTES);
                out.write(new byte[1024]);
                out.flush();
                held.add(s);
            }
            measure("40 clients announcing 16 MiB", held);
            held = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                Socket s = open();
                s.getOutputStream().write(new byte[] {0, 0});
                held.add(s);
            }
            measure("500 slowloris connections", held);
            Map<String, String> big = new HashMap<>();
            for (int i = 0; big.size() < 600_000; i++) {
                big.put("key-" + i, "value-" + i);
            }
            byte[] payload = new MessageCodec().encode(new Configure(List.of(), List.of(), big));
            held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket s = open();
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                try {
                    out.writeInt(payload.length);
                    out.write(payload);
                    out.flush();
                } catch (IOException refusedEarly) {
                    // the server closed it before reading it all
                }
                held.add(s);
            }
            measure("3 first frames of a " + payload.length / (1024 * 1024) + " MiB map", held);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
            System.out.println("server log lines: " + logLines[0]);
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    static void measure(String load, List<Socket> held) throws Exception {
        Thread.sleep(2_000); // let the server take the load in
        String rss = status("VmRSS");
        String heap = heapUsed();
        String[] admissions = new String[5];
        for (int i = 0; i < admissions.length; i++) {
            admissions[i] = admit("bench-" + load.hashCode() + "-" + i);
        }
        System.out.printf("%-44s %10s %14s %12s %22s%n", load, rss, heap, server.isAlive() ? "yes" : "NO",
                String.join(" ", admissions));
        for (Socket socket : held) {
            socket.close();
        }
        Thread.sleep(1_000);
    }

    /** An honest client: connect, attach, wait for Attached; the time taken, or why it did not get in. */
    static String admit(String session) {
        long start = System.nanoTime();
        try (Socket socket = open()) {
            MessageChannel channel = new MessageChannel(socket.getInputStream(), socket.getOutputStream(), socket);
            channel.send(new Attach(Protocol.VERSION, TOKEN, session, Attach.CONTROL));
            Message answer = channel.receive();
            if (answer instanceof Attached) {
                return String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            return "refused";
        } catch (IOException e) {
            return "failed";
        }
    }

    static String status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
            if (line.startsWith(field + ":")) {
                return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
            }
        }
        return "?";
    }

    /** Heap in use as the server's JVM reports it (jcmd GC.heap_info), live objects and garbage alike. */
    static String heapUsed() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(server.pid()), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
        return m.find() ? String.valueOf(Long.parseLong(m.group(1)) / 1024) : "?";
    }
}
