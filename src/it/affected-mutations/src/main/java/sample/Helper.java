package sample;

public final class Helper {
    private Helper() {}

    public static boolean ok() {
        return true;
    }
}
