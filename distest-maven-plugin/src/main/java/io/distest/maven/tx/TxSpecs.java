package io.distest.maven.tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one entry to tx specs, parsed by {@link TxSpecParser}: {@code [N*]KIND[=ADDRESS][//KEY=VALUE]...}.
 *
 * <ul>
 *   <li>KIND is {@code popen}, {@code ssh=[user@]host[:port]} (host may be an ssh-config alias,
 *       an IPv6 address goes in brackets: {@code [::1]:22}), {@code socket=host:port} or
 *       {@code exec=COMMAND}: the rest of the spec up to the first {@code //KEY} is the command, split into
 *       words as {@code jvmArgs} is.</li>
 *   <li>N is 1 to {@value #MAX_COUNT}.</li>
 *   <li>Keys: {@code java=PATH}, {@code jvmArgs=ARGS}, {@code chdir=DIR}, {@code env:NAME=VALUE},
 *       {@code id=NAME}, each at most once (env once per NAME). {@code env:NAME=} sets an empty value;
 *       every other key needs a value.</li>
 *   <li>{@code jvmArgs} is split on whitespace; single or double quotes keep whitespace in one
 *       argument and are removed. Backslashes have no special meaning (Windows paths stay intact);
 *       to pass a double quote, put it inside single quotes.</li>
 *   <li>A {@code //} inside a value stays in the value ({@code //env:PROXY=http://proxy:3128}) unless
 *       what follows it looks like a key ({@code NAME=}, or a known key name).</li>
 * </ul>
 *
 * Every error is a {@link TxSpecException} whose message quotes the spec, underlines the bad part
 * and shows the accepted syntax.
 */
public final class TxSpecs {

    /** The most workers one spec (or {@code distest.n}) may ask for. */
    public static final int MAX_COUNT = 256;

    static final String ACCEPTED = "Accepted: [N*]popen | [N*]ssh=[user@]host[:port] | [N*]socket=host:port"
            + " | [N*]exec=COMMAND,"
            + " then any of //java=PATH //jvmArgs=ARGS //chdir=DIR //env:NAME=VALUE //id=NAME";

    // In -Ddistest.tx a comma separates specs only where a new spec starts (or nothing follows),
    // so a comma inside a value, as in //jvmArgs=-XX:Foo=a,b, stays where it is.
    private static final Pattern SPEC_SEPARATOR = Pattern.compile(
            ",(?=[\\s,]*(?:$|(?:\\d+\\*)?(?:popen(?![^/,\\s])|ssh=|socket=|exec=)))");

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private TxSpecs() {
    }

    /** Parses one spec; surrounding whitespace is ignored. */
    public static TxSpec parse(String spec) {
        if (spec == null) {
            throw new TxSpecException("Invalid tx spec: none given (null)\n" + ACCEPTED);
        }
        return new TxSpecParser(spec.strip()).parse();
    }

    /**
     * Splits the value of {@code -Ddistest.tx} into specs. Only a comma followed by a new spec
     * ({@code [N*]popen}, {@code [N*]ssh=}, {@code [N*]socket=}) or by nothing separates; pieces are
     * trimmed and empty ones dropped. {@code null} or blank gives an empty list.
     */
    public static List<String> splitList(String commandLineValue) {
        if (commandLineValue == null || commandLineValue.isBlank()) {
            return List.of();
        }
        List<String> specs = new ArrayList<>();
        for (String piece : SPEC_SEPARATOR.split(commandLineValue, -1)) {
            String spec = piece.strip();
            if (!spec.isEmpty()) {
                specs.add(spec);
            }
        }
        return List.copyOf(specs);
    }

    /**
     * Parses every spec, in order. An explicit {@code //id=} may be used by one spec only (a spec
     * with N&gt;1 may carry one: the runner suffixes it per worker). {@code null} gives an empty list.
     */
    public static List<TxSpec> parseAll(List<String> specs) {
        if (specs == null) {
            return List.of();
        }
        List<TxSpec> parsed = new ArrayList<>();
        Map<String, TxSpec> byId = new HashMap<>();
        for (String text : specs) {
            TxSpec spec = parse(text);
            if (spec.id().isPresent()) {
                TxSpec earlier = byId.putIfAbsent(spec.id().get(), spec);
                if (earlier != null) {
                    throw duplicateId(spec.id().get(), earlier, spec);
                }
            }
            parsed.add(spec);
        }
        return List.copyOf(parsed);
    }

    /**
     * The {@code distest.n} shorthand: {@code auto} is one local JVM per core ({@code availableProcessors},
     * kept within 1 to {@value #MAX_COUNT}), a number k from 1 to {@value #MAX_COUNT} is {@code k*popen}.
     */
    public static TxSpec forWorkerCount(String n, int availableProcessors) {
        String value = n == null ? "" : n.strip();
        int count = "auto".equals(value)
                ? Math.max(1, Math.min(MAX_COUNT, availableProcessors))
                : numberUpTo(value, MAX_COUNT);
        if (count < 1) {
            throw new TxSpecException("distest.n must be \"auto\" or a number from 1 to " + MAX_COUNT
                    + ", got " + (n == null ? "nothing" : "\"" + n + "\""));
        }
        return parse(count + "*popen");
    }

    /** The digits in {@code text} as a number if it is at most {@code max}, else -1. */
    static int numberUpTo(String text, int max) {
        // More than 9 digits could overflow an int; any such number is out of range anyway
        // (leading zeros aside, which nobody writes that many of).
        if (!DIGITS.matcher(text).matches() || text.length() > 9) {
            return -1;
        }
        int number = Integer.parseInt(text);
        return number <= max ? number : -1;
    }

    private static TxSpecException duplicateId(String id, TxSpec earlier, TxSpec later) {
        return new TxSpecException("Invalid tx specs: id \"" + id + "\" is used by both \"" + earlier.text()
                + "\" and \"" + later.text() + "\"; each //id= must be unique\n"
                + "  " + earlier.text() + "\n" + idCarets(earlier.text(), id) + "\n"
                + "  " + later.text() + "\n" + idCarets(later.text(), id));
    }

    // Underlines the "id=..." segment: the last "//id=<id>" that ends a segment.
    private static String idCarets(String text, String id) {
        String segment = "//id=" + id;
        int at = text.lastIndexOf(segment);
        while (at >= 0 && !(at + segment.length() == text.length() || text.startsWith("//", at + segment.length()))) {
            at = text.lastIndexOf(segment, at - 1);
        }
        return at < 0 ? "" : caretLine(text, at + 2, at + segment.length());
    }

    /** Two spaces of indent, then carets under {@code text[start, end)}; at least one caret. */
    static String caretLine(String text, int start, int end) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < start; i++) {
            line.append(text.charAt(i) == '\t' ? '\t' : ' '); // keep tabs so the carets line up
        }
        return line.append("^".repeat(Math.max(1, end - start))).toString();
    }
}
