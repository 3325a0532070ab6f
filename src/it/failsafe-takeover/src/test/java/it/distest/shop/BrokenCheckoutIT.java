package it.distest.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one failing integration test: the build must still stop the server, then fail in verify. */
class BrokenCheckoutIT {
    @Test
    void checkoutAnswers() throws Exception {
        assertEquals("paid", Client.echo("unpaid"));
    }

    @Test
    void serverIsReachable() throws Exception {
        assertEquals("up", Client.echo("up"));
    }
}
