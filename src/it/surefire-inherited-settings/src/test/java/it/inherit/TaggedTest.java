package it.inherit;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TaggedTest {
    @Test
    void untaggedRuns() {}

    @Test
    @Tag("slow")
    void slowIsExcludedByExcludedGroups() {
        fail("<excludedGroups>slow</excludedGroups> should have kept this test from running");
    }
}
