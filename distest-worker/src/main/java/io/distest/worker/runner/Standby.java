package io.distest.worker.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.distest.protocol.Configure;
import io.distest.protocol.Hello;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Protocol;
import io.distest.protocol.RunUnit;
import io.distest.protocol.Shutdown;
import io.distest.protocol.WorkerFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A worker JVM started before its run asks for it (beside the build's compile, on the command line the module's
 * last run used). It warms what needs none of the project's classes, the codec and the Jupiter engine on distest's
 * own warm-up test, then waits on standard input for its run's token and address. Nothing of the project is loaded
 * before that line: its classes may still be compiling. No listener, filter or setting of the project's takes part
 * in the warm-up (every auto-registration and the implicit configuration are off), so none sees a test of ours.
 */
public final class Standby {
    private static final String JUPITER_ENGINE = "org.junit.jupiter.engine.JupiterTestEngine";
    private static final String WARM_UP_TEST = "io.distest.worker.warmup.WarmUpTest";
    /** A token and an address are short; more is not a hand-off from the build. */
    private static final int MAX_LINE = 4096;
    /** Where the classes a worker runs from its hand-off to its first test are. */
    private static final List<String> HAND_OFF_PACKAGES = List.of("io/distest/worker/runner/", "io/distest/protocol/",
            "io/distest/shared/");

    /** What the build writes to a standby worker's standard input (see {@code WorkerCommandLine.standbyHandoff}). */
    public record Handoff(String token, String connectTo) {}

    private Standby() {}

    /**
     * Warms the codec and, where the class path has Jupiter and no run is waiting on {@code in} yet, its engine:
     * once the hand-off has come, the run's own first unit warms the engine sooner than a warm-up before it would.
     * Never fails (it only saves time).
     */
    public static void warmUp(InputStream in) {
        try {
            roundTrip(new Hello(Protocol.VERSION, "standby", "standby", WorkerFacts.ofThisJvm()),
                    new Configure(List.of(), List.of(), Map.of(), 0, List.of(), List.of(), false, false),
                    new RunUnit(1, WARM_UP_TEST, List.of(), List.of(), List.of(), List.of()), new Shutdown());
        } catch (IOException | RuntimeException e) {
            // the run's own channel meets whatever this was
        }
        loadWhatTheHandOffRuns();
        if (handedOff(in)) {
            return;
        }
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the warm-up test prints
            warmUpJupiter();
        } catch (Throwable noJupiterOrAnOlderPlatform) {
            // a JUnit 4, TestNG or Surefire provider's class path, or a Platform without these options
        } finally {
            System.setOut(out);
        }
    }

    /**
     * Makes {@code warmFile}: the build starts its next standby worker once this one no longer needs a core. Never
     * fails (a build that does not see it starts the next one a little later).
     */
    public static void sayWarm(Path warmFile) {
        try {
            Files.deleteIfExists(warmFile);
            Files.createFile(warmFile);
        } catch (IOException | RuntimeException e) {
            // the build starts the next one anyway once this one has had its time (Standbys.WARM_UP_LIMIT)
        }
    }

    /**
     * Loads and initializes distest's own classes that the path from the hand-off to the first test runs (the
     * worker, its runners, the protocol) and the Unix-domain socket's: measured, they were most of a taken-over
     * JVM's 0.3 s from hand-off to its hello. None of them has a static initializer that does anything but set
     * constants; one that cannot load here (no JUnit Platform on the class path) is left to fail where it is used.
     */
    static int loadWhatTheHandOffRuns() {
        int loaded = 0;
        try (SocketChannel unused = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            loaded++;
        } catch (IOException | RuntimeException e) {
            // the hand-off meets it
        }
        ClassLoader loader = Standby.class.getClassLoader();
        for (String name : ownClasses()) {
            try {
                Class.forName(name, true, loader);
                loaded++;
            } catch (ReflectiveOperationException | LinkageError e) {
                // used only where the class path has what it needs
            }
        }
        return loaded;
    }

    /** The classes of {@link #HAND_OFF_PACKAGES} in the jar or directory this class came from. */
    private static List<String> ownClasses() {
        List<String> names = new ArrayList<>();
        try {
            Path source = Path.of(Standby.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    files.map(file -> source.relativize(file).toString().replace(File.separatorChar, '/'))
                            .forEach(entry -> addClass(entry, names));
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    jar.stream().forEach(entry -> addClass(entry.getName(), names));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // nothing loaded ahead: the hand-off loads what it needs
        }
        return names;
    }

    private static void addClass(String entry, List<String> names) {
        if (entry.endsWith(".class") && !entry.endsWith("module-info.class")
                && HAND_OFF_PACKAGES.stream().anyMatch(entry::startsWith)) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }

    private static boolean handedOff(InputStream in) {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return true; // the input is gone: nothing to warm for
        }
    }

    /**
     * Reads the hand-off line; empty when the input ends first (the build ended, or never claimed this JVM).
     * Reads byte by byte, so nothing after the line is taken from what the tests may read.
     */
    public static Optional<Handoff> await(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return Optional.empty();
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("the hand-off line is longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        if (space <= 0 || space == text.length() - 1) {
            throw new IOException("expected \"TOKEN ADDRESS\" on standard input, got " + text.length() + " characters");
        }
        return Optional.of(new Handoff(text.substring(0, space), text.substring(space + 1)));
    }

    private static void roundTrip(Message... messages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MessageChannel writer = new MessageChannel(new ByteArrayInputStream(new byte[0]), bytes, null);
        for (Message message : messages) {
            writer.send(message);
        }
        MessageChannel reader = new MessageChannel(new ByteArrayInputStream(bytes.toByteArray()),
                OutputStream.nullOutputStream(), null);
        for (int i = 0; i < messages.length; i++) {
            reader.receive();
        }
    }

    private static void warmUpJupiter() throws ReflectiveOperationException {
        TestEngine jupiter = (TestEngine) Class.forName(JUPITER_ENGINE).getDeclaredConstructor().newInstance();
        LauncherConfig config = LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(jupiter)
                .build();
        LauncherFactory.create(config).execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(WARM_UP_TEST))
                .enableImplicitConfigurationParameters(false)
                .build());
    }
}
