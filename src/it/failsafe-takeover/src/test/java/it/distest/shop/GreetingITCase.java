package it.distest.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Named *ITCase: one of Failsafe's default includes. */
class GreetingITCase {
    @Test
    void greetsThroughTheServer() throws Exception {
        assertEquals("hello ada", Client.echo(Greeter.greet("ada")));
    }
}
