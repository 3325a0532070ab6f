package it.suite;

import static org.testng.Assert.fail;

import org.testng.annotations.Test;

public class NarrowedTest {
    @Test
    public void keptOne() {}

    @Test
    public void keptTwo() {}

    @Test
    public void droppedByTheSuite() {
        fail("<methods><include name=\"kept.*\"/> should have kept this test from running");
    }
}
