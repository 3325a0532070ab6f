package it.slices;

class EchoTest extends Sleeper {
    EchoTest() {
        super(300);
    }
}
