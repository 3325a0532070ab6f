package sample;

public class Square implements Shape {
    @Override
    public int corners() {
        return 4;
    }
}
