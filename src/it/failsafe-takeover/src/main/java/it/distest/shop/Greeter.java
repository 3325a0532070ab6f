package it.distest.shop;

/** The module's main code: unit-tested, and on the integration tests' class path from the packaged jar. */
public final class Greeter {
    private Greeter() {
    }

    public static String greet(String name) {
        return "hello " + name;
    }
}
