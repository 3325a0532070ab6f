package it.slices;

class RemovedTest extends Sleeper {
    RemovedTest() {
        super(150);
    }
}
