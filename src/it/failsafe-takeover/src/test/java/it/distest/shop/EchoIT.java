package it.distest.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EchoIT {
    @Test
    void theServerEchoes() throws Exception {
        assertEquals("ping", Client.echo("ping"));
    }

    @Test
    void theServerEchoesFailsafesSystemProperty() throws Exception {
        assertEquals("hello", Client.echo(System.getProperty("shop.greeting")));
    }
}
