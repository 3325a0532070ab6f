package io.distest.shared;

import java.util.regex.Pattern;

/**
 * A name pattern as Surefire's {@code -Dtest} and distest's settings write them: {@code *} any run of characters
 * (dots included), {@code ?} one character, everything else literal. Not a file-system glob: no {@code **}, no
 * character classes.
 */
public final class NameGlob {
    private NameGlob() {}

    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
