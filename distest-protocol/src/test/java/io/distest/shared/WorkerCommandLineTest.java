package io.distest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.distest.protocol.Protocol;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkerCommandLineTest {
    private final WorkerCommandLine line = new WorkerCommandLine("/jdk/bin/java", List.of("-Xmx1g", "-Dq=say \"hi\" C:\\x"),
            List.of("/p/classes", "/p/dep.jar"), "127.0.0.1:4000", "gw0", Set.of("SECRET"), Map.of("A", "1"), "tok");

    @Test
    void argFileQuotesEachJvmArgumentThenTheClassPath() {
        assertEquals("\"-Xmx1g\"\n\"-Dq=say \\\"hi\\\" C:\\\\x\"\n\"-cp\"\n\"/p/classes" + File.pathSeparator + "/p/dep.jar\"\n",
                line.argFileContent());
    }

    @Test
    void commandNamesTheArgFileTheWorkerMainAndWhereToConnectButNotTheToken() {
        ProcessBuilder builder = line.processBuilder(Path.of("/tmp/gw0.args"), Path.of("/tmp"), Path.of("/tmp/gw0.log"));
        assertEquals(List.of("/jdk/bin/java", "@/tmp/gw0.args", "io.distest.worker.WorkerMain", "connect", "127.0.0.1:4000",
                "gw0"), builder.command());
        assertFalse(String.join(" ", builder.command()).contains("tok"));
    }

    @Test
    void environmentDropsExcludedVariablesSetsTheGivenOnesAndCarriesTheToken() {
        WorkerCommandLine excludingPath = new WorkerCommandLine("java", List.of(), List.of(), "h:1", "gw1",
                Set.of("PATH"), Map.of("A", "1"), "tok");
        Map<String, String> env = excludingPath.processBuilder(Path.of("a"), Path.of("."), Path.of("l")).environment();
        assertFalse(env.containsKey("PATH"));
        assertEquals("1", env.get("A"));
        assertEquals("tok", env.get(Protocol.TOKEN_ENV));
    }

    @Test
    void aJvmReadsAPropertyWithLineBreaksFromTheArgFileWhole(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        // git-commit-id's git.commit.message.full: before the fix its second line became the JVM's main class
        String message = "Update images\n\nSigned-off-by: A <a@b.c>\r\n\tend \\ \"q\"";
        java.nio.file.Files.writeString(temp.resolve("Show.java"), "public class Show { public static void main(String[] a)"
                + " throws Exception { System.out.write(System.getProperty(\"m\").getBytes(\"UTF-8\")); } }");
        Path argFile = temp.resolve("show.args");
        java.nio.file.Files.writeString(argFile, WorkerCommandLine.quote("-Dm=" + message) + "\n");
        Path jvm = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(jvm.toString(), "@" + argFile, temp.resolve("Show.java").toString())
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), printed);
        assertEquals(message, printed);
    }
}
