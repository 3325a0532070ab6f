package io.distest.worker.boot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the running unit uses of the project: the calls the dependency agent writes into project classes land here.
 * Loaded by the boot class loader (the agent puts it there) so that every class loader's classes reach the one
 * copy. Only {@code java.base} may be used here.
 *
 * <p>Each class has an id; a mark per id holds the number of the unit ({@code epoch}) that last used it, so a use
 * costs a read and a compare once the class is marked: a class used by an earlier unit of the same JVM is marked
 * again by the next one (the trap of recording class loading alone).
 */
public final class UseLog {
    /** Stands for every resource or file (protocol's {@code UnitUsed.EVERYTHING}; this class sees java.base only). */
    private static final String EVERYTHING = "*";
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    /** Marks by id, in chunks that never move once made, so a use never races a resize. */
    private static final int[][] MARKS = new int[1 << 12][];
    /** The running unit's number; 1 is the worker's start, before any unit. */
    private static volatile int epoch = 1;
    private static volatile boolean active;
    private static volatile boolean jdkWatched;
    private static volatile Set<String> resources = ConcurrentHashMap.newKeySet();
    private static volatile Set<String> files = ConcurrentHashMap.newKeySet();
    /** The module directory: files read below it are reported relative to it, others not at all. */
    private static volatile String basedir;

    private static final Map<String, Integer> IDS = new HashMap<>();
    private static final List<String> NAMES = new ArrayList<>();
    /** Ids of project classes (loaded from a directory): only those are reported. */
    private static final Set<Integer> PROJECT = new HashSet<>();
    /** Per project class, the names its use brings along: supertypes, annotations. */
    private static final Map<Integer, String[]> LINKS = new HashMap<>();
    /** Project classes the agent could not rewrite: counted as used by every unit once they are loaded. */
    private static final Set<Integer> UNWATCHED = new HashSet<>();
    /** What the worker used before its first unit (launcher session listeners, say): every unit's. */
    private static Set<String> classesAtStart;
    private static Set<String> resourcesAtStart;
    private static Set<String> filesAtStart;

    private static final ClassValue<Integer> BY_CLASS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            synchronized (UseLog.class) {
                return IDS.getOrDefault(type.getName().replace('.', '/'), -1);
            }
        }
    };

    private UseLog() {}

    /** The agent is recording (else the worker sends no records). */
    public static boolean active() {
        return active;
    }

    /** Called by the agent once it is in place; {@code jdkWatched}: its class loader hooks are too. */
    public static void activate(boolean watchingResources, String moduleDirectory) {
        jdkWatched = watchingResources;
        basedir = moduleDirectory == null ? null : new java.io.File(moduleDirectory).getAbsolutePath();
        active = true;
    }

    /** The id of class {@code name} ({@code a/b/C}), made on first sight; its mark chunk exists before it returns. */
    public static synchronized int idOf(String name) {
        Integer id = IDS.get(name);
        if (id == null) {
            id = NAMES.size();
            if (id >= MARKS.length * CHUNK) {
                throw new IllegalStateException("more classes than the use log holds");
            }
            IDS.put(name, id);
            NAMES.add(name);
            if (MARKS[id >>> CHUNK_BITS] == null) {
                MARKS[id >>> CHUNK_BITS] = new int[CHUNK];
            }
        }
        return id;
    }

    /** Class {@code name} is being loaded from the project: reported when used; {@code links} come with it. */
    public static synchronized int project(String name, String[] links, boolean watched) {
        int id = idOf(name);
        PROJECT.add(id);
        LINKS.put(id, links);
        if (!watched) {
            UNWATCHED.add(id);
        }
        use(id); // loading it is a use by the running unit
        return id;
    }

    /** Written into every method of a project class, and before each access to another one's static fields. */
    public static void use(int id) {
        int[] chunk = MARKS[id >>> CHUNK_BITS];
        int now = epoch;
        if (chunk[id & (CHUNK - 1)] != now) {
            chunk[id & (CHUNK - 1)] = now;
        }
    }

    /**
     * Written into the overridable methods of a project class: a method inherited by a subclass runs for an object
     * of that subclass, made perhaps by an earlier unit, and the subclass is then used too (an override added to it
     * would change what this unit sees).
     */
    public static void use(int id, Object self, Class<?> declaring) {
        use(id);
        Class<?> actual = self.getClass();
        if (actual != declaring) {
            int other = BY_CLASS.get(actual);
            if (other >= 0) {
                use(other);
            }
        }
    }

    /** Written into the class loaders' class path lookups: a resource looked up, found or not. */
    public static void resource(String name) {
        if (name != null && active) {
            resources.add(name);
        }
    }

    /** Written into the JDK's file openings ({@code FileInputStream}, {@code RandomAccessFile}, file channels). */
    public static void file(java.io.File file) {
        if (file != null && active) {
            files.add(file.getPath());
        }
    }

    public static void file(String path) {
        if (path != null && active) {
            files.add(path);
        }
    }

    /** A unit starts: what is used from now on is its. What the worker used before its first unit is every unit's. */
    public static synchronized void startUnit() {
        if (classesAtStart == null) {
            classesAtStart = usedIn(epoch);
            resourcesAtStart = new TreeSet<>(resources);
            filesAtStart = new TreeSet<>(files);
        }
        resources = ConcurrentHashMap.newKeySet();
        files = ConcurrentHashMap.newKeySet();
        epoch = epoch + 1;
    }

    /**
     * What the unit started last used: the project classes' names; the resource names ({@code *} alone: every
     * resource counts, the class loaders could not be watched); the files read below the module directory, relative
     * to it ({@code *} alone: every file counts, file reads could not be watched).
     */
    public static synchronized List<List<String>> endUnit() {
        Set<String> looked = new TreeSet<>(resourcesAtStart == null ? Set.of() : resourcesAtStart);
        looked.addAll(resources);
        Set<String> read = new TreeSet<>();
        for (Set<String> paths : List.of(filesAtStart == null ? Set.<String>of() : filesAtStart, files)) {
            for (String path : paths) {
                String relative = belowModule(path);
                if (relative != null) {
                    read.add(relative);
                }
            }
        }
        return List.of(List.copyOf(usedIn(epoch)), jdkWatched ? List.copyOf(looked) : List.of(EVERYTHING),
                !jdkWatched || basedir == null ? List.of(EVERYTHING) : List.copyOf(read));
    }

    /** {@code path} relative to the module directory with {@code /} separators, or {@code null} when outside it. */
    private static String belowModule(String path) {
        String base = basedir;
        if (base == null) {
            return null;
        }
        java.nio.file.Path absolute = java.nio.file.Path.of(path).toAbsolutePath().normalize();
        java.nio.file.Path module = java.nio.file.Path.of(base).normalize();
        if (!absolute.startsWith(module) || absolute.equals(module)) {
            return null;
        }
        return module.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
    }

    private static Set<String> usedIn(int unit) {
        Deque<Integer> todo = new ArrayDeque<>();
        for (int id : PROJECT) {
            if (MARKS[id >>> CHUNK_BITS][id & (CHUNK - 1)] == unit || UNWATCHED.contains(id)) {
                todo.add(id);
            }
        }
        Set<String> used = new TreeSet<>(classesAtStart == null ? Set.of() : classesAtStart);
        Set<Integer> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            int id = todo.poll();
            used.add(NAMES.get(id));
            for (String link : LINKS.getOrDefault(id, new String[0])) {
                Integer linked = IDS.get(link);
                if (linked != null && PROJECT.contains(linked) && seen.add(linked)) {
                    todo.add(linked);
                }
            }
        }
        return used;
    }
}
