package sample;

public interface Greeter {
    String greet();
}
