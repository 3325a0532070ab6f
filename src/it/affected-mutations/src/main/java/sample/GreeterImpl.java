package sample;

public class GreeterImpl implements Greeter {
    @Override
    public String greet() {
        return "hello";
    }
}
