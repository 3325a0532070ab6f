package it.distest.shop;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The service integration tests talk to: started in pre-integration-test, it listens on a free loopback port, writes
 * it to target/server.port, answers "echo X" with "X" and "stop" by exiting. Each start and stop is appended to
 * server-events.txt (outside target, so that it outlives mvn clean).
 */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        Path basedir = Path.of(args[0]);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Files.createDirectories(basedir.resolve("target"));
            Path tmp = basedir.resolve("target/server.port.tmp");
            Files.writeString(tmp, String.valueOf(server.getLocalPort()));
            Files.move(tmp, basedir.resolve("target/server.port"));
            event(basedir, "started");
            while (true) {
                try (Socket socket = server.accept();
                        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                        PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
                    String line = in.readLine();
                    if ("stop".equals(line)) {
                        event(basedir, "stopped");
                        out.println("bye");
                        return;
                    }
                    out.println(line != null && line.startsWith("echo ") ? line.substring(5) : "?");
                }
            }
        }
    }

    private static void event(Path basedir, String what) throws Exception {
        Files.writeString(basedir.resolve("server-events.txt"), what + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
