package sample;

import java.util.HashMap;
import java.util.Map;

/** A per-JVM cache: made by the first test class that uses it, used again by the next ones without loading. */
public final class Registry {
    private static final Registry INSTANCE = new Registry();
    private final Map<String, Integer> entries = new HashMap<>();

    private Registry() {
        entries.put("answer", 42);
    }

    public static Registry get() {
        return INSTANCE;
    }

    public int lookup(String key) {
        return entries.getOrDefault(key, -1);
    }
}
