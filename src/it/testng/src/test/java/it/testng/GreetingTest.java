package it.testng;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

public class GreetingTest {
    @Test
    public void greets() {
        System.out.println("greeting from " + System.getProperty("distest.worker"));
        assertEquals("Hello, " + "World", "Hello, World");
    }

    @Test
    public void shouts() {
        assertEquals("hey".toUpperCase(), "HEY");
    }
}
