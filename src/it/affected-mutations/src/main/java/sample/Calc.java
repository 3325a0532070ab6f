package sample;

public final class Calc {
    public int add(int a, int b) {
        return MathCore.plus(a, b);
    }
}
