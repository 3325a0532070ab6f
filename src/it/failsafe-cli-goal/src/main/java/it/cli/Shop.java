package it.cli;

public final class Shop {
    private Shop() {
    }

    public static int total(int... prices) {
        int total = 0;
        for (int price : prices) {
            total += price;
        }
        return total;
    }
}
