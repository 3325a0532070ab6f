package sample;

public final class MathCore {
    private MathCore() {}

    static int plus(int a, int b) {
        return a + b;
    }
}
