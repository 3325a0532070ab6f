package it.slices;

class BravoTest extends Sleeper {
    BravoTest() {
        super(700);
    }
}
