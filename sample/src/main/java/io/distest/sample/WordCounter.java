package io.distest.sample;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts words in text: a word is a maximal run of letters, digits or apostrophes, compared case-insensitively. */
public final class WordCounter {

    public int countWords(String text) {
        return frequencies(text).values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<String, Integer> frequencies(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!word.isEmpty()) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }
}
