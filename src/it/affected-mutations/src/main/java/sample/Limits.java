package sample;

import java.util.List;

public final class Limits {
    private Limits() {}

    public static final List<Integer> ALL = List.of(1, 10, 100);
}
