package it.slices;

class TwoIT extends Sleeper {
    TwoIT() {
        super(500);
    }
}
