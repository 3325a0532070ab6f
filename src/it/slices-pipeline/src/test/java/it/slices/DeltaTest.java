package it.slices;

class DeltaTest extends Sleeper {
    DeltaTest() {
        super(400);
    }
}
