package it.slices;

class FoxtrotTest extends Sleeper {
    FoxtrotTest() {
        super(200);
    }
}
