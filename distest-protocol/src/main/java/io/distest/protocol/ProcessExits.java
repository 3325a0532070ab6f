package io.distest.protocol;

/** Describes how a process ended, the same way on both sides: "exit code 3", "killed by signal 9 (SIGKILL)". */
public final class ProcessExits {
    private ProcessExits() {}

    public static String describe(int exitValue) {
        if (exitValue > 128 && exitValue < 160) {
            int signal = exitValue - 128;
            String name = switch (signal) {
                case 6 -> " (SIGABRT)";
                case 9 -> " (SIGKILL)";
                case 11 -> " (SIGSEGV)";
                case 15 -> " (SIGTERM)";
                default -> "";
            };
            return "killed by signal " + signal + name;
        }
        return "exit code " + exitValue;
    }

    /** How {@code process} ended, waiting at most {@code millis} for it; "still running" if it has not ended. */
    public static String describe(Process process, long millis) {
        try {
            if (!process.waitFor(millis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return "still running";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "still running";
        }
        return describe(process.exitValue());
    }
}
