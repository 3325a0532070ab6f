package io.distest.maven.tx;

import java.util.ArrayList;
import java.util.List;

/** Splits an argument string ({@code //jvmArgs=}, Surefire's {@code argLine}) on whitespace, honouring ' and " quotes. */
public final class Arguments {
    private Arguments() {}

    /**
     * Quotes are removed, {@code ""} gives an empty argument, backslashes are not special (Windows paths stay intact).
     *
     * @return the arguments; empty for {@code null} or blank text
     * @throws UnterminatedQuote naming where the open quote is
     */
    public static List<String> split(String text) {
        List<String> args = new ArrayList<>();
        if (text == null) {
            return args;
        }
        StringBuilder current = new StringBuilder();
        boolean inArg = false; // true also for an argument that is just "" (an empty argument)
        char quote = 0;
        int quoteStart = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                quoteStart = i;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw new UnterminatedQuote(quote, quoteStart, text);
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }

    /** An opening quote without its closing one. */
    public static final class UnterminatedQuote extends IllegalArgumentException {
        private final int position;

        UnterminatedQuote(char quote, int position, String text) {
            super("unterminated " + (quote == '"' ? "double" : "single") + " quote at position " + position
                    + " in \"" + text + "\"");
            this.position = position;
        }

        /** Index of the opening quote in the split text. */
        public int position() {
            return position;
        }

        /** "double" or "single". */
        String kind() {
            return getMessage().startsWith("unterminated double") ? "double" : "single";
        }
    }
}
