package sample;

public class Child extends Base {
}
