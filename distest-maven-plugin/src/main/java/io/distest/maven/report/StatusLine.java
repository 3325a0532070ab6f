package io.distest.maven.report;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A line kept at the bottom of an interactive terminal (progress of a long run), redrawn in place; every other
 * line of the run is printed above it through {@link #printAbove}. Where nobody watches a terminal (not a console,
 * Maven's batch mode {@code -B}, {@code TERM=dumb}, a CI job) it is off: nothing is drawn, no carriage return is
 * written, and the log keeps its plain per-class lines.
 */
public final class StatusLine implements AutoCloseable {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream terminal;
    private final boolean on;
    private final int width;
    private final LongSupplier nanoTime;
    private String shown = "";
    private long drawnAt;

    public StatusLine(PrintStream terminal, boolean on, int width, LongSupplier nanoTime) {
        this.terminal = terminal;
        this.on = on;
        this.width = Math.max(20, width);
        this.nanoTime = nanoTime;
        this.drawnAt = nanoTime.getAsLong() - REDRAW_NANOS;
    }

    /** One for this JVM's terminal, on only when a person is likely to watch it. */
    public static StatusLine forThisTerminal(boolean mavenInteractive) {
        Map<String, String> env = System.getenv();
        return new StatusLine(System.out, wanted(System.console() != null, mavenInteractive, env), columns(env),
                System::nanoTime);
    }

    static boolean wanted(boolean console, boolean mavenInteractive, Map<String, String> env) {
        return console && mavenInteractive && !"dumb".equals(env.get("TERM")) && env.get("CI") == null;
    }

    static int columns(Map<String, String> env) {
        try {
            return Integer.parseInt(env.getOrDefault("COLUMNS", "100").trim());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    public boolean isOn() {
        return on;
    }

    /** Shows {@code text}, at most a few times a second (a fast run would otherwise spend its time drawing). */
    public void show(String text) {
        show(() -> text);
    }

    /** As {@link #show(String)}; the text is made only when it is drawn (the run's events call this per test). */
    public synchronized void show(Supplier<String> textWhenDrawn) {
        long now = nanoTime.getAsLong();
        if (!on || now - drawnAt < REDRAW_NANOS) {
            return;
        }
        drawnAt = now;
        String text = textWhenDrawn.get();
        String next = text.length() < width ? text : text.substring(0, width - 2) + "…";
        terminal.print(erasing() + next);
        terminal.flush();
        shown = next;
    }

    /** Runs {@code print} (which writes whole lines) with the status line out of the way, then puts it back. */
    public synchronized void printAbove(Runnable print) {
        if (!on || shown.isEmpty()) {
            print.run();
            return;
        }
        terminal.print(erasing());
        terminal.flush();
        print.run();
        terminal.print(shown);
        terminal.flush();
    }

    /** Takes the line away for good (the run's summary follows). */
    @Override
    public synchronized void close() {
        if (on && !shown.isEmpty()) {
            terminal.print(erasing());
            terminal.flush();
        }
        shown = "";
    }

    /**
     * Back to the line's start, blanks over what is shown, back again: plain characters rather than an ANSI
     * erase, which Maven's console drops when colours are off ({@code -Dstyle.color=never}).
     */
    private String erasing() {
        return shown.isEmpty() ? "\r" : "\r" + " ".repeat(shown.length()) + "\r";
    }
}
