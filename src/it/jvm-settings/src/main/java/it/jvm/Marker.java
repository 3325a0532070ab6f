package it.jvm;

/** A main class: the test JVM must have it on its class path, as Surefire gives it. */
public final class Marker {
    public static String name() {
        return "main classes visible";
    }
}
