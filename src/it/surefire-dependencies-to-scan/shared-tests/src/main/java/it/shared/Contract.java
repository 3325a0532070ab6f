package it.shared;

/** Not a test: the includes leave it out of the jar's scan. */
public final class Contract {
    private Contract() {}

    public static int twice(int n) {
        return 2 * n;
    }
}
