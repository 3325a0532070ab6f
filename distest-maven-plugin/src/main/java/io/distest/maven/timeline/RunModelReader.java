package io.distest.maven.timeline;

import io.distest.maven.timeline.RunModel.Bar;
import io.distest.maven.timeline.RunModel.Kind;
import io.distest.maven.timeline.RunModel.Lane;
import io.distest.maven.timeline.RunModel.Outcome;
import io.distest.maven.timeline.RunModel.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads back what {@link RunModelJson} wrote ({@code run.json}), so that the merge goal can draw several runs as one.
 * Only that JSON: objects, arrays, strings, numbers, booleans and null; anything else is an error naming the offset.
 */
public final class RunModelReader {
    private final String text;
    private int at;

    private RunModelReader(String text) {
        this.text = text;
    }

    /** The model in {@code json}; a JSON of another version or shape fails with an {@link IllegalArgumentException}. */
    public static RunModel read(String json) {
        RunModelReader reader = new RunModelReader(json);
        Object value = reader.value();
        reader.space();
        if (reader.at != json.length()) {
            throw reader.error("text after the JSON value");
        }
        if (!(value instanceof Map<?, ?> model)) {
            throw new IllegalArgumentException("run.json is not a JSON object");
        }
        Object version = model.get("version");
        if (!(version instanceof Number number) || number.intValue() != RunModelJson.VERSION) {
            throw new IllegalArgumentException("run.json version " + version + " is not " + RunModelJson.VERSION);
        }
        Map<?, ?> s = (Map<?, ?>) model.get("summary");
        Summary summary = new Summary(longOf(s, "wallMillis"), (int) longOf(s, "workers"), longOf(s, "testMillis"),
                longOf(s, "idealMillis"), (int) longOf(s, "efficiencyPercent"), longOf(s, "startupMillis"),
                longOf(s, "firstTestMillis"), (String) s.get("criticalWorker"), (String) s.get("criticalLabel"),
                Boolean.TRUE.equals(s.get("bounded")));
        List<Lane> lanes = new ArrayList<>();
        for (Object l : (List<?>) model.get("lanes")) {
            Map<?, ?> lane = (Map<?, ?>) l;
            lanes.add(new Lane((String) lane.get("id"), (String) lane.get("spec"), (String) lane.get("group"),
                    (String) lane.get("host"), (String) lane.get("platform"), longOf(lane, "idleMillis"),
                    Boolean.TRUE.equals(lane.get("last")), bars((List<?>) lane.get("bars"))));
        }
        return new RunModel((String) model.get("title"), summary, lanes, bars((List<?>) model.get("slowest")));
    }

    private static List<Bar> bars(List<?> list) {
        List<Bar> bars = new ArrayList<>();
        for (Object b : list) {
            Map<?, ?> bar = (Map<?, ?>) b;
            Object outcome = bar.get("outcome");
            Object expected = bar.get("expectedMillis");
            bars.add(new Bar(Kind.valueOf(((String) bar.get("kind")).toUpperCase(Locale.ROOT)),
                    longOf(bar, "startMillis"), longOf(bar, "endMillis"), (String) bar.get("label"),
                    (int) longOf(bar, "unitId"), (int) longOf(bar, "tests"),
                    outcome == null ? null : Outcome.valueOf(((String) outcome).toUpperCase(Locale.ROOT)),
                    longOf(bar, "millis"), expected == null ? null : ((Number) expected).longValue(),
                    (int) longOf(bar, "restOf"), Boolean.TRUE.equals(bar.get("rerun")), (String) bar.get("note"),
                    Boolean.TRUE.equals(bar.get("critical"))));
        }
        return bars;
    }

    private static long longOf(Map<?, ?> object, String name) {
        if (!(object.get(name) instanceof Number number)) {
            throw new IllegalArgumentException("run.json: \"" + name + "\" is not a number: " + object.get(name));
        }
        return number.longValue();
    }

    private Object value() {
        space();
        if (at >= text.length()) {
            throw error("end of text where a value should be");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> {
                at++;
                Map<String, Object> object = new LinkedHashMap<>();
                space();
                if (peek('}')) {
                    return object;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    object.put(key, value());
                    space();
                } while (peek(','));
                expect('}');
                return object;
            }
            case '[' -> {
                at++;
                List<Object> array = new ArrayList<>();
                space();
                if (peek(']')) {
                    return array;
                }
                do {
                    array.add(value());
                    space();
                } while (peek(','));
                expect(']');
                return array;
            }
            case '"' -> {
                return string();
            }
            default -> {
                for (String word : new String[] {"true", "false", "null"}) {
                    if (text.startsWith(word, at)) {
                        at += word.length();
                        return word.equals("null") ? null : Boolean.valueOf(word);
                    }
                }
                int start = at;
                while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                    at++;
                }
                String number = text.substring(start, at);
                try {
                    return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    throw error("not a value");
                }
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(escaped); // \" \\ \/
            }
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean peek(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("run.json is not distest's JSON at offset " + at + ": " + what);
    }
}
