package it.slices;

class OneIT extends Sleeper {
    OneIT() {
        super(300);
    }
}
