package io.distest.maven.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The worker jar travels inside this plugin's jar; it is unpacked where the run's other files go. */
public final class WorkerJar {
    private static final String RESOURCE = "/META-INF/distest/distest-worker.jar";

    private WorkerJar() {}

    public static Path extractTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path jar = directory.resolve("distest-worker.jar");
        try (InputStream in = WorkerJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the distest plugin jar lacks " + RESOURCE + "; it was built incompletely");
            }
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }
}
