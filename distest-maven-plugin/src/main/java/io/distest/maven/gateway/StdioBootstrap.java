package io.distest.maven.gateway;

import io.distest.protocol.Mux;
import io.distest.shared.Sha256;
import io.distest.shared.Threads;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.maven.plugin.logging.Log;

/**
 * Brings up a worker server through nothing but a shell's standard input and output (no SFTP, no scp, no port the
 * build connects to): the {@code exec=} gateway, and the {@code ssh=} gateway on hosts without SFTP.
 *
 * <ol>
 *   <li>A shell gets one compound command: if the far cache holds the worker jar and its SHA-256 matches, it
 *       {@code exec}s {@code java -jar JAR serve --stdio}; else it prints {@value #NEED_JAR}.</li>
 *   <li>Only then, a second shell gets a command that prints {@value #SEND_JAR}, stores standard input up to
 *       its end as the jar, checks its hash and moves it into place. Then step 1 again.</li>
 *   <li>The server prints {@link Mux#READY_LINE}; the token goes as the first line of its input; frames follow.</li>
 * </ol>
 *
 * Nothing more is written to a shell than the one command until it has answered: shells such as dash read
 * their input ahead, and would swallow what was meant for the program they start. Whatever a shell start-up
 * file prints before the answer is kept for messages.
 */
public final class StdioBootstrap {
    static final String NEED_JAR = "DISTEST-NEED-JAR";
    static final String SEND_JAR = "DISTEST-SEND-JAR";
    static final String JAR_STORED = "DISTEST-JAR-STORED";
    private static final long START_SECONDS = 60;
    private static final int MAX_LINE = 8192;
    private static final ScheduledExecutorService TIMER =
            Executors.newSingleThreadScheduledExecutor(Threads.named("distest-exec-timeout"));

    /** Starts a new POSIX shell on the far side that reads its commands from standard input. */
    public interface Shell {
        FarCommand start() throws IOException;
    }

    private final String spec;
    private final Shell shell;
    private final String java;
    private final Optional<String> chdir;
    private final Path workerJar;
    private final Log log;

    /**
     * @param spec  the tx spec, as messages name it
     * @param java  {@code //java=} or {@code java}
     * @param chdir {@code //chdir=}: the far side's cache root (relative: to the home directory); default
     *              {@code ~/.cache/distest}, the root the ssh gateway uses too
     */
    public StdioBootstrap(String spec, Shell shell, String java, Optional<String> chdir, Path workerJar, Log log) {
        this.spec = spec;
        this.shell = shell;
        this.java = java;
        this.chdir = chdir;
        this.workerJar = workerJar;
        this.log = log;
    }

    /** Starts the server and proves {@code token} to it; the link then opens connections to it. */
    public StdioLink connect(String token) throws IOException {
        String hash = Sha256.hexOf(workerJar);
        FarCommand command = shell.start();
        if (ask(command, serveScript(hash), Mux.READY_LINE, NEED_JAR).equals(NEED_JAR)) {
            command.close();
            upload(hash);
            command = shell.start();
            if (ask(command, serveScript(hash), Mux.READY_LINE, NEED_JAR).equals(NEED_JAR)) {
                command.close();
                throw new IOException("tx spec \"" + spec + "\": the worker jar was stored in " + shownRoot()
                        + " on the far side, yet the next shell the command started does not find it there");
            }
        }
        try {
            command.stdin().write((token + "\n").getBytes(StandardCharsets.UTF_8));
            command.stdin().flush();
        } catch (IOException e) {
            IOException failure = failure(command, "ended right after starting the worker server", List.of());
            command.close();
            throw failure;
        }
        Mux mux = new Mux(new BufferedInputStream(command.stdout(), 64 * 1024), command.stdin(), () -> { },
                command.describe(), null, 0);
        mux.start();
        return new StdioLink(command, mux);
    }

    private void upload(String hash) throws IOException {
        FarCommand command = shell.start();
        try {
            ask(command, uploadScript(hash), SEND_JAR);
            // the shell is now inside `cat`: every byte from here on is the jar, up to the end of the input
            try (OutputStream in = command.stdin()) {
                Files.copy(workerJar, in);
            }
            ask(command, null, JAR_STORED);
            log.info("[" + spec + "] installed the worker jar as " + shownRoot() + "/jars/" + jarName(hash)
                    + " through the command's standard input");
        } finally {
            command.close();
        }
    }

    /** Writes {@code script} (if any), then reads lines until one of {@code expected}; EOF or a timeout fails. */
    private String ask(FarCommand command, String script, String... expected) throws IOException {
        try {
            return awaitAnswer(command, script, expected);
        } catch (IOException e) {
            command.close();
            throw e;
        }
    }

    private String awaitAnswer(FarCommand command, String script, String... expected) throws IOException {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> timeout = TIMER.schedule(() -> {
            timedOut.set(true);
            command.close();
        }, START_SECONDS, TimeUnit.SECONDS);
        List<String> before = new ArrayList<>();
        try {
            if (script != null) {
                try {
                    command.stdin().write(script.getBytes(StandardCharsets.UTF_8));
                    command.stdin().flush();
                } catch (IOException e) {
                    // it ended already: reading says how
                }
            }
            while (true) {
                String line = readLine(command.stdout());
                if (line == null) {
                    boolean storing = List.of(expected).contains(SEND_JAR) || List.of(expected).contains(JAR_STORED);
                    String what = storing ? "the worker jar was stored" : "the distest worker server started";
                    throw failure(command, timedOut.get() ? "did not answer within " + START_SECONDS + " s (waiting until "
                            + what + ")" : "ended before " + what, before);
                }
                for (String wanted : expected) {
                    if (line.strip().equals(wanted)) {
                        return wanted;
                    }
                }
                if (line.startsWith(FarRoot.UNSAFE)) {
                    throw new IOException("tx spec \"" + spec + "\": " + FarRoot.refusal(command.describe(), line));
                }
                if (before.size() < 20) {
                    before.add(line);
                }
            }
        } finally {
            timeout.cancel(false);
        }
    }

    private IOException failure(FarCommand command, String what, List<String> stdout) {
        String exit = command.describeExit(5_000);
        String stderr = command.stderrTail(2_000).strip();
        boolean noJava = stderr.contains(java + ": not found") || stderr.contains(java + ": No such file")
                || exit.endsWith(" 127");
        StringBuilder message = new StringBuilder("tx spec \"" + spec + "\": the command " + command.describe() + " "
                + what + " (" + exit + ")");
        if (noJava) {
            message.append("; is java \"").append(java).append("\" there? Set //java= to a JDK 17+ java on the far side");
        }
        if (stderr.contains("UnsupportedClassVersionError")) {
            message.append("; java \"").append(java).append("\" there is older than Java 17, which distest needs");
        }
        message.append(stderr.isEmpty() ? ". It printed nothing on standard error." : ". Its standard error:\n" + stderr);
        if (!stdout.isEmpty()) {
            message.append("\nIts standard output:\n").append(String.join("\n", stdout));
        }
        return new IOException(message.toString());
    }

    /** One line, a byte at a time: what follows the line belongs to the protocol. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                b = -1; // closed under us (the timeout)
            }
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
    }

    // The scripts are one compound command each, so that the shell has read all of it before any of it runs.

    String serveScript(String hash) {
        return "{ " + prelude(hash) + "if [ -f \"$J\" ]; then " + FarRoot.runPrivateCopy(hash, "cd \"$R\" || exit 1;"
                + " exec " + PosixShell.quote(java) + " -jar \"$C\" serve --stdio --root \"$R\"", "") + "fi; echo "
                + NEED_JAR + "; }\n";
    }

    String uploadScript(String hash) {
        return "{ " + prelude(hash) + "T=\"$J.$$.part\"; mkdir -p \"$R/jars\" || exit 1; echo " + SEND_JAR + ";"
                + " cat > \"$T\" || exit 1; if [ " + FarRoot.hashOf("$T") + " = " + hash + " ]; then mv -f \"$T\" \"$J\""
                + " && echo " + JAR_STORED + "; else rm -f \"$T\"; echo 'the worker jar arrived damaged' >&2; fi; }\n";
    }

    private String prelude(String hash) {
        return "R=" + root() + "; J=\"$R/jars/" + jarName(hash) + "\"; " + FarRoot.checks("\"$R\"", "\"$R/jars\"",
                FarRoot.COPIES, "\"$J\"");
    }

    /** The root as a shell word: relative roots (and the default) are under $HOME. */
    private String root() {
        String dir = chdir.orElse(".cache/distest");
        return dir.startsWith("/") ? PosixShell.quote(dir) : "\"$HOME\"/" + PosixShell.quote(dir);
    }

    private String shownRoot() {
        String dir = chdir.orElse(".cache/distest");
        return dir.startsWith("/") ? dir : "~/" + dir;
    }

    private static String jarName(String hash) {
        return "distest-worker-" + hash.substring(0, 16) + ".jar";
    }

}
