package io.distest.maven.gateway;

/** What a far side's POSIX shell needs from us. */
public final class PosixShell {
    private PosixShell() {}

    /** Single-quotes a word for any Bourne-style shell (and csh and fish). */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
