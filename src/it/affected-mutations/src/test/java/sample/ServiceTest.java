package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceTest {
    @Test
    void theServiceFileNamesASquare() {
        assertEquals(4, ServiceLoader.load(Shape.class).findFirst().orElseThrow().corners());
    }
}
