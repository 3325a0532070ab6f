package it.standby;

/** Compiled by the build after the standby JVMs started: the tests must still find it. */
public final class Greeting {
    private Greeting() {}

    public static String to(String name) {
        return "hello, " + name;
    }
}
