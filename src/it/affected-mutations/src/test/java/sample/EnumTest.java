package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EnumTest {
    @Test
    void plusAdds() {
        assertEquals(3, Op.PLUS.apply(1, 2));
    }
}
