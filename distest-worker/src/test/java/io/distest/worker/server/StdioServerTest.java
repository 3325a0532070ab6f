package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.protocol.Attach;
import io.distest.protocol.Attached;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Mux;
import io.distest.protocol.Refused;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --stdio} as a real process: only frames on its standard output, the token on every channel. */
class StdioServerTest {
    @TempDir
    Path temp;

    private Process process;

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Mux start(String token) throws IOException {
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "io.distest.worker.WorkerMain", "serve", "--stdio", "--root",
                temp.resolve("root").toString())
                .redirectError(temp.resolve("stderr.txt").toFile())
                .start();
        InputStream stdout = process.getInputStream();
        assertEquals(Mux.READY_LINE, line(stdout), "the ready line comes first");
        process.getOutputStream().write((token + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        return new Mux(new BufferedInputStream(stdout), process.getOutputStream(), process::destroy, "server", null, 8)
                .start();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static Message attach(Mux mux, String token, String session) throws IOException {
        Mux.Channel channel = mux.open();
        MessageChannel messages = new MessageChannel(channel.in(), channel.out(), channel);
        return ClientHandshake.attach(messages, token, session, Attach.CONTROL);
    }

    @Test
    void opensSessionsOnChannelsThatProveTheTokenAndRefusesOthers() throws Exception {
        Mux mux = start("s3cret");

        assertTrue(attach(mux, "s3cret", "one") instanceof Attached);
        assertTrue(attach(mux, "s3cret", "two") instanceof Attached, "several channels over one pipe");
        Message refused = attach(mux, "guess", "three");
        assertTrue(refused instanceof Refused r && r.reason().contains("wrong token"), String.valueOf(refused));
        assertTrue(Files.isDirectory(temp.resolve("root/cas")), "the server's ordinary root");
    }

    @Test
    void endsWhenItsStandardInputEnds() throws Exception {
        Mux mux = start("s3cret");
        assertTrue(attach(mux, "s3cret", "one") instanceof Attached);

        process.getOutputStream().close();

        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server outlived its pipe");
        assertTrue(Files.readString(temp.resolve("stderr.txt")).contains("standard input ended"),
                Files.readString(temp.resolve("stderr.txt")));
    }
}
