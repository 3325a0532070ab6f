package io.distest.maven.cds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The worker's warm-up run in a JVM started as a worker would be, telling where each class it loaded came from. */
public final class WarmUpJvm {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private WarmUpJvm() {}

    /**
     * @param jvmArgs the JVM options, class data sharing's among them
     * @param arguments the warm-up's (a class list)
     * @param temp where its logs go
     * @return its {@code -Xlog:class+load} log: a class mapped from our archive reads {@code source: shared objects
     *     file (top)}
     */
    public static String classesLoaded(List<String> jvmArgs, List<String> classpath, List<String> arguments, Path temp)
            throws Exception {
        Path log = temp.resolve("class-load.log");
        Path out = temp.resolve("out.log");
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmArgs);
        command.add("-Xlog:class+load=info:file=" + log);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), "io.distest.worker.runner.WarmUp"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        assertEquals(0, process.exitValue(), Files.readString(out));
        return Files.readString(log);
    }

    /** The end of a long log, for an assertion's message. */
    public static String tail(String text) {
        return text.length() < 3000 ? text : text.substring(text.length() - 3000);
    }
}
