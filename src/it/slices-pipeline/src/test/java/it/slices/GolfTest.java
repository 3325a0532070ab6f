package it.slices;

class GolfTest extends Sleeper {
    GolfTest() {
        super(100);
    }
}
