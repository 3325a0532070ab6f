package sample;

public interface Shape {
    int corners();
}
