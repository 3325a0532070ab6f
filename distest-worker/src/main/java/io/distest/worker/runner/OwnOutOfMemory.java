package io.distest.worker.runner;

/**
 * A worker ends when one of its own threads runs out of memory, and only then. Its reader, its runner loop or its
 * watchdog out of memory is in no state to report anything: it prints what the JVM's {@code
 * -XX:+ExitOnOutOfMemoryError} would and halts with the same exit code, and the build reports the crash for it. A
 * test's {@link OutOfMemoryError} is the test's, as in Surefire's fork, where that flag is not set: a test that
 * expects one ({@code assertThrows(OutOfMemoryError.class, …)}, commons-text's {@code TextStringBuilderTest}) passes,
 * and one that escapes its test is that test's error.
 */
public final class OwnOutOfMemory {
    /** What the JVM exits with on {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int EXIT_CODE = 3;

    private OwnOutOfMemory() {}

    /** Ends the worker on an out-of-memory error that escapes one of its own threads ({@code distest-…}, main). */
    public static void endTheWorkerOnIt() {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof OutOfMemoryError && isOwn(thread)) {
                halt((OutOfMemoryError) error);
            }
            if (before != null) {
                before.uncaughtException(thread, error);
            } else { // what the thread group does without a default handler
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace(System.err);
            }
        });
    }

    /** Prints the JVM's own last words for it and halts. */
    static void halt(OutOfMemoryError error) {
        System.err.println("Terminating due to java.lang.OutOfMemoryError: " + error.getMessage());
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_CODE);
    }

    static boolean isOwn(Thread thread) {
        return thread.getName().startsWith("distest-") || thread.getName().equals("main");
    }
}
