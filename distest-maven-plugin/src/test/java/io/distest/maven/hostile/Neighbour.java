package io.distest.maven.hostile;

import io.distest.testing.Poll;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another local account ({@code nobody}) running the attacker program {@code neighbour/Neighbour.java} from the
 * test resources, with the JDK the tests run on. Its lines are kept; {@link #captured()} is how many bytes of
 * someone else's stream it got.
 */
final class Neighbour implements AutoCloseable {
    static final String ACCOUNT = "nobody";
    /** A JDK every account can read. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Process process;
    private final Path directory;
    private final List<String> lines = new ArrayList<>();

    private Neighbour(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    keep(line);
                }
            } catch (IOException e) {
                // it ended
            }
        }, "neighbour-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code Neighbour.java ARGS} as {@value #ACCOUNT}; returns once it says it is ready (or bound). */
    static Neighbour start(String readyLine, String... args) throws Exception {
        Path directory = Files.createTempDirectory("distest-neighbour",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path source = directory.resolve("Neighbour.java");
        try (InputStream in = Neighbour.class.getResourceAsStream("/neighbour/Neighbour.java")) {
            Files.copy(in, source);
        }
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> command = new ArrayList<>(List.of("runuser", "-u", ACCOUNT, "--", JAVA, source.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Neighbour neighbour = new Neighbour(process, directory);
        Poll.until(Duration.ofSeconds(60), () -> neighbour.said(readyLine) || !process.isAlive(),
                () -> "the neighbour to say " + readyLine + ": " + neighbour.text());
        if (!process.isAlive()) {
            throw new IllegalStateException("the neighbour ended: " + neighbour.text());
        }
        return neighbour;
    }

    private synchronized void keep(String line) {
        lines.add(line);
    }

    synchronized boolean said(String prefix) {
        return lines.stream().anyMatch(line -> line.startsWith(prefix));
    }

    synchronized long count(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).count();
    }

    /** Bytes of someone else's stream it got so far. */
    synchronized long captured() {
        return lines.stream().filter(line -> line.startsWith("captured "))
                .mapToLong(line -> Long.parseLong(line.substring("captured ".length()))).max().orElse(0);
    }

    synchronized String text() {
        return String.join("\n", lines);
    }

    static int uidOf(String account) throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u", account).start();
        String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        id.waitFor();
        return Integer.parseInt(out);
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}
