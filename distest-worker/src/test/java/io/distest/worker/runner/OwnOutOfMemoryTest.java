package io.distest.worker.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** In a JVM of its own: what an out-of-memory error escaping a thread does to a worker. */
class OwnOutOfMemoryTest {
    /** Throws an out-of-memory error from a thread named {@code args[0]}, then ends normally (exit 0). */
    public static void main(String[] args) throws Exception {
        OwnOutOfMemory.endTheWorkerOnIt();
        Thread thread = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, args[0]);
        thread.start();
        thread.join();
        System.err.println("still running");
    }

    private static Process run(String threadName) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                OwnOutOfMemoryTest.class.getName(), threadName).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        return process;
    }

    private static String output(Process process) throws Exception {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aWorkerThreadOutOfMemoryEndsTheWorkerAsTheJvmFlagWould() throws Exception {
        Process process = run("distest-reader");
        String output = output(process);
        assertEquals(OwnOutOfMemory.EXIT_CODE, process.exitValue(), output);
        assertTrue(output.contains("Terminating due to java.lang.OutOfMemoryError: Java heap space"), output);
    }

    @Test
    void aTestsOwnThreadOutOfMemoryLeavesTheWorkerRunning() throws Exception {
        Process process = run("pool-1-thread-1");
        String output = output(process);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("Exception in thread \"pool-1-thread-1\" java.lang.OutOfMemoryError"), output);
        assertTrue(output.contains("still running"), output);
    }
}
