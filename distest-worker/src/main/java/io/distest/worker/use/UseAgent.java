package io.distest.worker.use;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The worker's dependency agent ({@code -javaagent:distest-worker.jar}, added when the build selects affected
 * tests): puts {@link io.distest.worker.boot.UseLog} on the boot class path, where every class loader finds the
 * same one, then rewrites each project class as it loads ({@link ProjectClassRewriter}) and hooks the class loaders'
 * resource lookups and the file openings ({@link JdkHooks}).
 */
public final class UseAgent {
    private static final String LOG_CLASS = "io/distest/worker/boot/UseLog";

    private UseAgent() {}

    public static void premain(String options, Instrumentation instrumentation) throws IOException {
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bootJar().toFile()));
        // from here on UseLog resolves to the boot class path's copy, for this class too
        instrumentation.addTransformer(new ProjectClasses(), false);
        boolean hooked = JdkHooks.install(instrumentation);
        io.distest.worker.boot.UseLog.activate(hooked, System.getProperty("basedir"));
    }

    /** A jar of UseLog's classes alone, copied out of this one; removed when the JVM ends. */
    private static Path bootJar() throws IOException {
        Path jar = Files.createTempFile("distest-use-log", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : new String[] {LOG_CLASS, LOG_CLASS + "$1"}) {
                try (InputStream in = UseAgent.class.getClassLoader().getResourceAsStream(name + ".class")) {
                    if (in == null) {
                        throw new IOException("the worker jar lacks " + name + ".class");
                    }
                    out.putNextEntry(new JarEntry(name + ".class"));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
