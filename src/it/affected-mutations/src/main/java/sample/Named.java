package sample;

public interface Named {
    default String name() {
        return "named";
    }
}
