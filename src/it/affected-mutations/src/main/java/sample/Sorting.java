package sample;

import java.util.Comparator;

public final class Sorting {
    private Sorting() {}

    public static Comparator<String> byLength() {
        return new Comparator<String>() {
            @Override
            public int compare(String a, String b) {
                return Integer.compare(a.length(), b.length());
            }
        };
    }
}
