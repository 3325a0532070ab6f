package sample;

public class Base {
    public int value() {
        return 7;
    }
}
