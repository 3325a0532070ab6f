package io.distest.worker.runner;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A text for an object graph that is the same in every JVM for objects that are equal by content: class names instead
 * of classes, sets and maps in sorted order, no identity hash codes. Used for cache keys of test frameworks (Spring's
 * context configuration), whose {@code equals} is by content but whose {@code toString} and {@code hashCode} carry
 * identity. Two keys that differ only in what this leaves out get the same text; that only groups test classes
 * that could have shared a fixture, which costs speed, never a result.
 */
final class StableFingerprint {
    private static final int MAX_DEPTH = 6;
    private static final int MAX_CHARS = 200_000;
    private static final Pattern IDENTITY = Pattern.compile("@[0-9a-f]{4,}|/0x[0-9a-f]+|\\$\\$Lambda[^,\\]\\s]*");

    private final Object skipped;
    private final Set<String> skippedFields;
    private final StringBuilder text = new StringBuilder();
    private final Map<Object, Boolean> inProgress = new IdentityHashMap<>();

    /**
     * @param skipped a value left out wherever it occurs as a field (the test class itself, which a framework keeps
     *     beside its key without comparing it)
     * @param skippedFields field names left out (references to caches and loaders kept beside the key)
     */
    private StableFingerprint(Object skipped, Set<String> skippedFields) {
        this.skipped = skipped;
        this.skippedFields = skippedFields;
    }

    /** The fingerprint's text. */
    static String of(Object value, Object skipped, Set<String> skippedFields) {
        StableFingerprint fingerprint = new StableFingerprint(skipped, skippedFields);
        fingerprint.append(value, 0);
        return fingerprint.text.toString();
    }

    /** A short hash of the fingerprint's text: 16 hex digits of its SHA-256. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void append(Object value, int depth) {
        if (text.length() > MAX_CHARS) {
            return;
        }
        if (value == null) {
            text.append("null");
        } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character) {
            text.append(value);
        } else if (value instanceof Enum<?> constant) {
            text.append(constant.getDeclaringClass().getName()).append('.').append(constant.name());
        } else if (value instanceof Class<?> type) {
            text.append(withoutIdentity(type.getName()));
        } else if (value instanceof Field field) { // a field is compared by its name, type and annotations
            text.append(field.getName()).append(':').append(field.getGenericType().getTypeName());
            appendSorted(List.of(field.getAnnotations()), depth);
        } else if (value instanceof Executable || value instanceof Type || value instanceof Annotation) {
            text.append(withoutIdentity(value.toString()));
        } else if (value instanceof Optional<?> optional) {
            append(optional.orElse(null), depth);
        } else if (depth >= MAX_DEPTH || inProgress.containsKey(value)) {
            text.append(withoutIdentity(value.getClass().getName()));
        } else {
            inProgress.put(value, Boolean.TRUE);
            try {
                appendStructure(value, depth + 1);
            } finally {
                inProgress.remove(value);
            }
        }
    }

    private void appendStructure(Object value, int depth) {
        if (value instanceof Set<?> set) {
            appendSorted(set, depth);
        } else if (value instanceof Collection<?> list) {
            text.append('[');
            list.forEach(element -> {
                append(element, depth);
                text.append(',');
            });
            text.append(']');
        } else if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((key, entry) -> entries.add(of(key, depth) + "=" + of(entry, depth)));
            Collections.sort(entries);
            text.append(entries);
        } else if (value.getClass().isArray()) {
            text.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                append(Array.get(value, i), depth);
                text.append(',');
            }
            text.append(']');
        } else if (isPlatformClass(value.getClass())) { // its fields are closed to us; its text is all there is
            text.append(withoutIdentity(String.valueOf(value)));
        } else {
            appendFields(value, depth);
        }
    }

    private void appendSorted(Collection<?> elements, int depth) {
        List<String> rendered = new ArrayList<>();
        elements.forEach(element -> rendered.add(of(element, depth)));
        Collections.sort(rendered);
        text.append(rendered);
    }

    /** One element rendered on its own (for sorting), with this fingerprint's rules and depth. */
    private String of(Object element, int depth) {
        StableFingerprint nested = new StableFingerprint(skipped, skippedFields);
        nested.inProgress.putAll(inProgress);
        nested.append(element, depth);
        return nested.text.toString();
    }

    private void appendFields(Object value, int depth) {
        text.append(withoutIdentity(value.getClass().getName())).append('{');
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
                        || skippedFields.contains(field.getName())) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (RuntimeException | IllegalAccessException e) { // closed by a module: its name is all we know
                    text.append(field.getName()).append("=?,");
                    continue;
                }
                if (fieldValue != null && fieldValue == skipped) {
                    continue;
                }
                text.append(field.getName()).append('=');
                append(fieldValue, depth);
                text.append(',');
            }
        }
        text.append('}');
    }

    private static boolean isPlatformClass(Class<?> type) {
        Module module = type.getModule();
        return module.isNamed() && module.getLayer() == ModuleLayer.boot();
    }

    private static String withoutIdentity(String text) {
        return IDENTITY.matcher(text).replaceAll("");
    }
}
