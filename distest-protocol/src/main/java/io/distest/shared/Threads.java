package io.distest.shared;

import java.util.concurrent.ThreadFactory;

/**
 * The one place distest makes threads, on both sides. Each is named, so that a thread dump (the worker's timeout
 * dump, a hung build's jstack) says whose it is, and a daemon: none of distest's threads keeps a JVM alive, so a
 * build, a worker or a server ends when its main thread says so (and a test's own non-daemon thread cannot be
 * confused with one of them).
 */
public final class Threads {
    private Threads() {}

    /** Starts {@code task} on a new daemon thread called {@code name}. */
    public static Thread start(Runnable task, String name) {
        Thread thread = unstarted(task, name);
        thread.start();
        return thread;
    }

    /** A daemon thread called {@code name}, not started yet: a shutdown hook, or one started later. */
    public static Thread unstarted(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Daemon threads called {@code name}, for an executor. */
    public static ThreadFactory named(String name) {
        return task -> unstarted(task, name);
    }
}
