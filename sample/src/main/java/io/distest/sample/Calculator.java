package io.distest.sample;

import java.util.Arrays;

/** A deliberately small calculator: something for the sample's tests to test. */
public final class Calculator {

    public long add(long a, long b) {
        return Math.addExact(a, b);
    }

    public long subtract(long a, long b) {
        return Math.subtractExact(a, b);
    }

    public long multiply(long a, long b) {
        return Math.multiplyExact(a, b);
    }

    /** Integer division, rounding toward zero; throws {@link ArithmeticException} when {@code b} is 0. */
    public long divide(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero: " + a + " / 0");
        }
        return a / b;
    }

    /** {@code n!} for {@code 0 <= n <= 20} (21! does not fit in a long). */
    public long factorial(int n) {
        if (n < 0 || n > 20) {
            throw new IllegalArgumentException("n must be in [0, 20], was " + n);
        }
        long result = 1;
        for (int i = 2; i <= n; i++) {
            result *= i;
        }
        return result;
    }

    /** Greatest common divisor of the absolute values; {@code gcd(0, 0) == 0}. */
    public long gcd(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    public boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** The n-th Fibonacci number, {@code fibonacci(0) == 0}, {@code fibonacci(1) == 1}. */
    public long fibonacci(int n) {
        if (n < 0 || n > 92) {
            throw new IllegalArgumentException("n must be in [0, 92], was " + n);
        }
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++) {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }

    public double mean(double... values) {
        requireValues(values);
        return Arrays.stream(values).sum() / values.length;
    }

    public double median(double... values) {
        requireValues(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void requireValues(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values must not be empty");
        }
    }
}
