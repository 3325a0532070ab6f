package io.distest.maven.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code exec=COMMAND}: the command runs up to the first {@code //KEY}, split into words as jvmArgs is. */
class ExecSpecTest {

    @Test
    void takesTheRestOfTheSpecUpToTheFirstKeyAsTheCommand() {
        TxSpec spec = TxSpecs.parse("2*exec=ssh -T -p 2222 -o 'ProxyJump=bastion' ci@build7 //java=/opt/jdk/bin/java"
                + "//chdir=/var/tmp/dt//env:A=1");

        Transport.Exec exec = (Transport.Exec) spec.transport();
        assertEquals(List.of("ssh", "-T", "-p", "2222", "-o", "ProxyJump=bastion", "ci@build7"), exec.words());
        assertEquals("ssh -T -p 2222 -o 'ProxyJump=bastion' ci@build7", exec.commandLine());
        assertEquals(2, spec.count());
        assertEquals(Optional.of("/opt/jdk/bin/java"), spec.java());
        assertEquals(Optional.of("/var/tmp/dt"), spec.chdir());
        assertEquals(Map.of("A", "1"), spec.env());
        assertFalse(exec.perWorker());
    }

    @Test
    void keepsADoubleSlashThatDoesNotStartAKeyInTheCommand() {
        Transport.Exec exec = (Transport.Exec) TxSpecs.parse("exec=ssh -o ProxyCommand=http://proxy:3128 h//id=far")
                .transport();
        assertEquals("ssh -o ProxyCommand=http://proxy:3128 h", exec.commandLine());
    }

    @Test
    void givesEachWorkerItsOwnCommandWhereTheCommandSaysIndex() {
        TxSpec spec = TxSpecs.parse("4*exec=kubectl exec -i runner-{i} --");

        Transport.Exec exec = (Transport.Exec) spec.transport();
        assertTrue(exec.perWorker());
        assertEquals(List.of("kubectl", "exec", "-i", "runner-3", "--"), exec.wordsFor(3));
        assertEquals("exec=kubectl exec -i runner-{i} --", exec.toString());
    }

    @Test
    void separatesExecSpecsOnTheCommandLine() {
        assertEquals(List.of("2*exec=ssh -T a", "exec=sudo -u ci --", "popen"),
                TxSpecs.splitList("2*exec=ssh -T a,exec=sudo -u ci --,popen"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            exec=                                   | exec needs a command: exec=COMMAND, e.g. exec=ssh -T host
            exec=   //java=/x                       | exec needs a command
            exec=ssh -o "ProxyJump=b h              | unterminated double quote in the command
            exec=kubectl exec -i runner-{n} --      | only {i} (the worker's index, 0 to N-1) may stand in braces
            exec=ssh h//jvaa=1                      | unknown key "jvaa"
            """)
    void explainsABadExecSpec(String spec, String problem) {
        TxSpecException e = assertThrows(TxSpecException.class, () -> TxSpecs.parse(spec));
        List<String> lines = e.getMessage().lines().toList();
        assertTrue(lines.get(0).startsWith("Invalid tx spec \"" + spec.strip() + "\": ") && lines.get(0).contains(problem),
                e.getMessage());
        assertTrue(lines.get(2).contains("^"), "a caret line points at it:\n" + e.getMessage());
        assertEquals(TxSpecsTest.ACCEPTED, lines.get(3));
    }

    @Test
    void pointsAtTheOpeningQuoteOfAnUnterminatedOne() {
        TxSpecException e = assertThrows(TxSpecException.class, () -> TxSpecs.parse("exec=ssh 'h"));
        assertEquals("  " + " ".repeat("exec=ssh ".length()) + "^", e.getMessage().lines().toList().get(2));
    }
}
