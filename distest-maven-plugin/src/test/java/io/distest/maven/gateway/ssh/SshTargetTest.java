package io.distest.maven.gateway.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.distest.maven.tx.Transport;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SshTargetTest {

    @Test
    void takesUserHostAndPortFromTheTxSpec() {
        SshTarget t = SshTarget.of(new Transport.Ssh(Optional.of("ci"), "build7", OptionalInt.of(2222)));
        assertEquals(new SshTarget(Optional.of("ci"), "build7", OptionalInt.of(2222)), t);
        assertEquals("ci@build7:2222", t.toString());
    }

    @Test
    void leavesUserAndPortOpenWhenTheSpecDoesNotNameThem() {
        SshTarget t = SshTarget.of(new Transport.Ssh(Optional.empty(), "fe80::1", OptionalInt.empty()));
        assertEquals(SshTarget.host("fe80::1"), t);
        assertEquals("[fe80::1]", t.toString());
    }

    @Test
    void rejectsBadValuesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SshTarget(Optional.empty(), "h", OptionalInt.of(70000)));
        assertEquals("port must be from 1 to 65535, got 70000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SshTarget.host(" "));
    }
}
