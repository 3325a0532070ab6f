package io.distest.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.settings.RunRequest;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The run request is split once, by the runner: no layer below it (gateways, sync, the pool, the loop) takes or
 * keeps the whole request, only the records of what it reads.
 */
class NarrowHandOffsTest {
    private static final Path CLASSES = Path.of("target/classes");
    /** Packages whose classes get parts of the request, never all of it. */
    private static final List<String> LAYERS = List.of("io/distest/maven/gateway", "io/distest/maven/sync");
    /** Classes of the run package that get parts of it. */
    private static final List<String> RUN_LAYERS = List.of("io.distest.maven.run.WorkerPool",
            "io.distest.maven.run.RunLoop");

    @Test
    void noLayerBelowTheRunnerTakesOrKeepsTheWholeRunRequest() throws Exception {
        List<String> classes = new ArrayList<>(RUN_LAYERS);
        for (String layer : LAYERS) {
            try (Stream<Path> files = Files.walk(CLASSES.resolve(layer))) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> classes.add(
                        CLASSES.relativize(f).toString().replace('/', '.').replaceFirst("\\.class$", "")));
            }
        }
        assertTrue(classes.size() > 20, "the layers' classes were found: " + classes);
        List<String> whole = new ArrayList<>();
        for (String name : classes) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
            executables.addAll(List.of(type.getDeclaredMethods()));
            for (Executable executable : executables) {
                if (List.of(executable.getParameterTypes()).contains(RunRequest.class)) {
                    whole.add(executable.toString());
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == RunRequest.class) {
                    whole.add(field.toString());
                }
            }
        }
        assertEquals(List.of(), whole, "hand each layer the record of what it reads (WorkerSetup, SyncSettings, …)");
    }
}
