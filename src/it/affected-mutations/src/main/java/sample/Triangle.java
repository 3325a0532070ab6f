package sample;

public class Triangle implements Shape {
    @Override
    public int corners() {
        return 3;
    }
}
