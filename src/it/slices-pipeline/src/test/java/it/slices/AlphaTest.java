package it.slices;

class AlphaTest extends Sleeper {
    AlphaTest() {
        super(900);
    }
}
