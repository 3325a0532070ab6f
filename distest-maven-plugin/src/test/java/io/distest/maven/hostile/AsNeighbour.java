package io.distest.maven.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** Commands run as another account of this machine ({@value Neighbour#ACCOUNT}, through {@code runuser}). */
public final class AsNeighbour {
    private AsNeighbour() {}

    /** What a command did: its exit code and its output. */
    public record Result(int exit, String output) {}

    public static Result run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("runuser", "-u", Neighbour.ACCOUNT, "--"));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /**
     * A new directory of this user's that every account may pass through ({@code rwxr-xr-x}): only the modes distest
     * gives what it makes there stand in the neighbour's way.
     */
    public static Path placeOthersCanPassThrough(String prefix) throws IOException {
        return Files.createTempDirectory(prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
