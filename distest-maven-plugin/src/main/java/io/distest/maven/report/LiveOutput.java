package io.distest.maven.report;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Prints what a worker's tests write as it arrives, each line prefixed with the worker ({@code [gw1] …}), so a long
 * test is visible while it runs; the report gets the same text later, when its class is written. Partial lines
 * wait for their end (or for {@link #flush()}), so lines of several workers never interleave mid-line.
 */
final class LiveOutput {
    private final String prefix;
    private final PrintStream out;
    private final PrintStream err;
    private final StringBuilder pendingOut = new StringBuilder();
    private final StringBuilder pendingErr = new StringBuilder();
    /** Runs each print: above the status line, when there is one. */
    private final Consumer<Runnable> printing;

    LiveOutput(String workerLabel, PrintStream out, PrintStream err) {
        this(workerLabel, out, err, Runnable::run);
    }

    LiveOutput(String workerLabel, PrintStream out, PrintStream err, Consumer<Runnable> printing) {
        this.prefix = "[" + workerLabel + "] ";
        this.out = out;
        this.err = err;
        this.printing = printing;
    }

    void write(boolean stderr, String text) {
        StringBuilder pending = stderr ? pendingErr : pendingOut;
        pending.append(text);
        int end;
        while ((end = pending.indexOf("\n")) >= 0) {
            print(stderr, pending.substring(0, end));
            pending.delete(0, end + 1);
        }
    }

    /** Prints what is left of an unfinished line (at the end of a unit). */
    void flush() {
        if (pendingOut.length() > 0) {
            print(false, pendingOut.toString());
            pendingOut.setLength(0);
        }
        if (pendingErr.length() > 0) {
            print(true, pendingErr.toString());
            pendingErr.setLength(0);
        }
    }

    private void print(boolean stderr, String line) {
        PrintStream stream = stderr ? err : out;
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        synchronized (LiveOutput.class) { // one line at a time across workers
            printing.accept(() -> {
                stream.println(prefix + text);
                stream.flush();
            });
        }
    }
}
