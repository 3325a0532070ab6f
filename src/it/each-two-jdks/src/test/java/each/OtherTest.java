package each;

import org.junit.jupiter.api.Test;

class OtherTest {
    @Test
    void passes() {
    }
}
