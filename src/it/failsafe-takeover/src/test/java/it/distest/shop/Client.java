package it.distest.shop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Talks to the EchoServer on localhost, waiting (with a deadline) for it to have written its port. */
final class Client {
    private Client() {
    }

    static String ask(Path basedir, String line) throws IOException, InterruptedException {
        Path portFile = basedir.resolve("target/server.port");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.isRegularFile(portFile)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server started in pre-integration-test wrote no " + portFile);
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readString(portFile).trim());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            out.println(line);
            return in.readLine();
        }
    }

    static String echo(String text) throws IOException, InterruptedException {
        return ask(Path.of(System.getProperty("user.dir")), "echo " + text);
    }
}
