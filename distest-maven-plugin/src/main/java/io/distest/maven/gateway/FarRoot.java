package io.distest.maven.gateway;

/**
 * What the far side's start-up scripts (ssh and exec) do before they run anything from the distest root, as shell
 * text. Other accounts on the far host are hostile: a root under a shared directory could be theirs, and then so
 * could the jar, the state file of a lingering server, or the directory a jar is renamed into. So the script
 * refuses any of those that exists and is a link, is not this user's, or is writable by group or others (printing
 * {@link #UNSAFE} with the path, its mode and its owner), and runs the worker jar from a private copy that it
 * hashed, never from the path it hashed.
 */
public final class FarRoot {
    /** The first word of the line a script prints when it refuses a path, and then it ends. */
    public static final String UNSAFE = "DISTEST-UNSAFE";
    /** Private copies older than this (minutes) belong to servers that opened them long ago, or to none. */
    private static final int STALE_COPY_MINUTES = 60;

    private FarRoot() {}

    /**
     * {@code umask 077}, then the check of each of {@code paths} (shell words, e.g. {@code "$R"}); the caller has
     * set the variables they use.
     */
    public static String checks(String... paths) {
        StringBuilder script = new StringBuilder("umask 077; distest_own() { [ -e \"$1\" ] || [ -L \"$1\" ] || return 0;"
                + " if [ -L \"$1\" ]; then echo \"" + UNSAFE + " $1 is a symbolic link\"; exit 0; fi;"
                + " set -- \"$1\" $(ls -ldn \"$1\");"
                + " case \"$2\" in ?????w*|????????w*) echo \"" + UNSAFE + " $1 has mode $2 (owner uid $4): other"
                + " accounts can write to it\"; exit 0;; esac;"
                + " if [ \"$4\" != \"$(id -u)\" ]; then echo \"" + UNSAFE + " $1 is owned by uid $4, not by this"
                + " account (uid $(id -u))\"; exit 0; fi; }; ");
        for (String path : paths) {
            script.append("distest_own ").append(path).append("; ");
        }
        return script.toString();
    }

    /** Where the private copies go, beside {@code jars/} (which holds only the jars named by their hash). */
    public static final String COPIES = "\"$R/jar-copies\"";

    /**
     * Copies the jar {@code $J} to a fresh private file {@code $C} in {@link #COPIES} and tests that the copy has
     * {@code hash}; {@code then} runs (it should {@code exec java -jar "$C" …}) only if so, {@code otherwise} if the
     * copy differs. Copies left by servers started long ago are removed first (a running JVM has its jar open).
     * {@link #checks} must have covered {@link #COPIES}.
     */
    public static String runPrivateCopy(String hash, String then, String otherwise) {
        return "mkdir -p " + COPIES + " || exit 1; find " + COPIES + " -name 'distest-worker-run.*' -mmin +"
                + STALE_COPY_MINUTES + " -exec rm -f {} + 2>/dev/null;"
                + " C=$(mktemp \"$R/jar-copies/distest-worker-run.XXXXXX\") || exit 1;"
                + " cp \"$J\" \"$C\" || exit 1; if [ " + hashOf("$C") + " = " + hash + " ]; then " + then + "; fi;"
                + " rm -f \"$C\"; " + otherwise;
    }

    /** sha256sum, or shasum on macOS and the BSDs. */
    static String hashOf(String variable) {
        return "\"$( (sha256sum \"" + variable + "\" || shasum -a 256 \"" + variable + "\") 2>/dev/null | cut -c1-64)\"";
    }

    /** The build's error for a line starting with {@link #UNSAFE}. */
    public static String refusal(String where, String line) {
        return "refusing to run the distest worker server on " + where + ": "
                + line.substring(UNSAFE.length()).strip() + ". Set //chdir= in the tx spec to a directory of your own"
                + " that only you can write to (and remove or chmod go-w what is there)";
    }
}
