package sample;

public final class Fixture {
    private Fixture() {}

    public static String prepare() {
        return "ready";
    }
}
