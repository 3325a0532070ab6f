package io.distest.maven.tx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed tx spec, {@code [N*]KIND[=ADDRESS][//KEY=VALUE]...}; see {@link TxSpecs#parse(String)}.
 *
 * @param text      the spec as the user wrote it (surrounding whitespace removed), for messages and reports
 * @param count     N, how many workers this spec stands for (1 when not given)
 * @param transport how the gateway is reached
 * @param java      {@code //java=}: the {@code java} executable on that side
 * @param jvmArgs   {@code //jvmArgs=}: extra JVM arguments, already split into words
 * @param chdir     {@code //chdir=}: working / cache directory on that side
 * @param env       {@code //env:NAME=VALUE} entries, in the order given
 * @param id        {@code //id=}: the gateway id; absent means the runner numbers it (gw0, gw1, ...)
 */
public record TxSpec(
        String text,
        int count,
        Transport transport,
        Optional<String> java,
        List<String> jvmArgs,
        Optional<String> chdir,
        Map<String, String> env,
        Optional<String> id) {

    public TxSpec {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(chdir, "chdir");
        Objects.requireNonNull(id, "id");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        jvmArgs = List.copyOf(jvmArgs);
        // Map.copyOf would lose the order; the order the user gave is the order we report.
        env = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(env, "env")));
        env.forEach((name, value) -> {
            Objects.requireNonNull(name, "env name");
            Objects.requireNonNull(value, () -> "env value of " + name);
        });
    }

    /** The same spec for fewer (or more) workers; its text stays as the user wrote it. */
    public TxSpec withCount(int workers) {
        return new TxSpec(text, workers, transport, java, jvmArgs, chdir, env, id);
    }
}
