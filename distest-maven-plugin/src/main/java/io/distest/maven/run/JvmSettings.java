package io.distest.maven.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;

/**
 * What every test JVM of the run gets, as Surefire would give it.
 *
 * @param argLine extra JVM arguments (Surefire's {@code argLine}), already split
 * @param systemProperties {@code -Dname=value} for the test JVM
 * @param environment environment variables added to the inherited environment
 * @param workingDirectory the test JVM's working directory
 */
public record JvmSettings(List<String> argLine, Map<String, String> systemProperties, Map<String, String> environment,
        Path workingDirectory) {
    public JvmSettings {
        argLine = List.copyOf(argLine);
        systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(systemProperties));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }
}
