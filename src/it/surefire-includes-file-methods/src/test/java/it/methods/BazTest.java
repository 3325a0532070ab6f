package it.methods;

import org.junit.jupiter.api.Test;

/** Named by neither file: not selected (the files replace the default includes). */
class BazTest {
    @Test
    void never() {}
}
