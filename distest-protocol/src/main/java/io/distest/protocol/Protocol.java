package io.distest.protocol;

/** Constants both sides agree on. */
public final class Protocol {
    /**
     * Raised whenever a message changes shape; both sides refuse a peer with another version. 2: engine filters in
     * Configure, excluded environment in SpawnWorker; 3: the report's own time ({@code suiteMillis}) in UnitFinished;
     * 4: the provider's re-runs in UseProvider; 5: aborted classes in Configure, the fixture a unit used in
     * UnitFinished; 6: a server's Challenge, and proofs over nonces in Attach and Attached in place of the token; 7: the unit's waits for a core in UnitFinished;
     * 8: UnitUsed, what a unit used of the project (affected-test selection); 9: the processor time a unit used in
     * UnitFinished; 10: the jars a far worker's class data sharing archive is made from, in SpawnWorker; 11: the
     * session's home (a lingering server's standby workers for the module's next build) in SyncManifest.
     */
    public static final int VERSION = 11;
    /** The largest frame either side accepts, in bytes. */
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /** Environment variable through which a worker receives the session token (never its command line). */
    public static final String TOKEN_ENV = "DISTEST_TOKEN";

    private Protocol() {}
}
