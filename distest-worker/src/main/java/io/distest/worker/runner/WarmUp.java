package io.distest.worker.runner;

import io.distest.protocol.Configure;
import io.distest.protocol.Hello;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Protocol;
import io.distest.protocol.RunUnit;
import io.distest.protocol.Shutdown;
import io.distest.protocol.WorkerFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * What a worker does before and during its first unit, done once by a JVM that records the classes it loads (the
 * plugin's class data sharing trainer, {@code -XX:ArchiveClassesAtExit}), so that later workers map them from the
 * archive instead of loading them: the codec and every message a worker reads or writes, the JUnit launcher, its
 * engines' discovery and execution of
 * {@code warmup.WarmUpTest}. Runs with the worker jar and the JUnit jars only.
 *
 * With a class list (a worker's {@code -XX:DumpLoadedClassList}), it first loads, without initialising, each listed
 * class its class path has: the project's libraries a test JVM loaded (a Spring application's, say).
 *
 * <pre>java -XX:ArchiveClassesAtExit=FILE -cp distest-worker.jar:JARS io.distest.worker.runner.WarmUp [CLASS-LIST]</pre>
 */
public final class WarmUp {
    private static final String WARM_UP_TEST = "io.distest.worker.warmup.WarmUpTest";

    private WarmUp() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0) {
            loadListed(java.nio.file.Path.of(args[0]));
        }
        MessageChannel received = new MessageChannel(new ByteArrayInputStream(bytesOf(
                new Configure(List.of(), List.of(), Map.of(), 0, List.of(), List.of(), false, false),
                new RunUnit(1, WARM_UP_TEST, List.of(), List.of(), List.of(), List.of()),
                new Shutdown())), OutputStream.nullOutputStream(), null);
        MessageChannel sent = new MessageChannel(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), null);
        sent.send(new Hello(Protocol.VERSION, "warm-up", "warm-up", WorkerFacts.ofThisJvm()));
        Configure configure = (Configure) received.receive();
        RunUnit unit = (RunUnit) received.receive();
        received.receive();
        OutputCapture capture = OutputCapture.install(sent);
        UnitRunner runner = new UnitRunner(sent, capture, new TimeoutWatchdog(sent));
        try {
            runner.prepare();
            runner.run(unit, configure);
            runner.close();
        } catch (LinkageError noJUnitPlatform) {
            // a Surefire provider's class path (TestNG, JUnit 4): the codec and the worker's own classes are warm
        }
        System.exit(0); // the archive is written as the JVM exits
    }

    /** Loads and links the listed classes found on the class path; the others, and those that fail, are passed by. */
    private static void loadListed(java.nio.file.Path classList) throws IOException {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        for (String line : java.nio.file.Files.readAllLines(classList)) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("@")) {
                continue;
            }
            String name = line.split(" ", 2)[0].replace('/', '.');
            try {
                Class.forName(name, false, loader);
            } catch (Throwable notHereOrBroken) {
                // a class of a directory, of a missing optional library, or a line cut short
            }
        }
    }

    private static byte[] bytesOf(io.distest.protocol.Message... messages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MessageChannel channel = new MessageChannel(new ByteArrayInputStream(new byte[0]), bytes, null);
        for (io.distest.protocol.Message message : messages) {
            channel.send(message);
        }
        return bytes.toByteArray();
    }
}
