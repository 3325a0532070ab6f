package io.distest.maven.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real {@code java -jar distest-worker.jar serve} on a free loopback port, rooted in a directory of the test's. */
public final class WorkerServerProcess implements AutoCloseable {
    final Process process;
    public final int port;
    final String token;
    final List<String> output = new ArrayList<>();

    public WorkerServerProcess(Path workerJar, Path root, String token) throws IOException {
        this.token = token;
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", workerJar.toString(), "serve", "--port", "0", "--root", root.toString())
                .redirectErrorStream(true);
        builder.environment().put("DISTEST_TOKEN", token);
        process = builder.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = reader.readLine();
        if (first == null || !first.contains("listening on 127.0.0.1:")) {
            process.destroyForcibly();
            throw new IOException("the worker server did not start: " + first);
        }
        port = Integer.parseInt(first.replaceAll(".*listening on 127\\.0\\.0\\.1:(\\d+).*", "$1"));
        Thread drain = new Thread(() -> {
            try {
                reader.lines().forEach(this::keep);
            } catch (java.io.UncheckedIOException closed) {
                // the server was stopped: its output ends here
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    private synchronized void keep(String line) {
        output.add(line);
    }

    synchronized String log() {
        return String.join("\n", output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
