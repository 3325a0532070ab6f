package io.distest.maven.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TxSpecsTest {

    static final String ACCEPTED = "Accepted: [N*]popen | [N*]ssh=[user@]host[:port] | [N*]socket=host:port"
            + " | [N*]exec=COMMAND,"
            + " then any of //java=PATH //jvmArgs=ARGS //chdir=DIR //env:NAME=VALUE //id=NAME";

    // ---------------------------------------------------------------- what parses

    @Test
    void parsesPlainPopenWithNothingElseSet() {
        TxSpec spec = TxSpecs.parse("popen");

        assertEquals(new TxSpec("popen", 1, new Transport.Popen(), Optional.empty(), List.of(),
                Optional.empty(), Map.of(), Optional.empty()), spec);
    }

    @Test
    void parsesCountKindAndEveryKey() {
        String text = "3*popen//java=/opt/jdk 17/bin/java//jvmArgs=-Xmx1g \"-Dx=a b\"//chdir=/tmp/work"
                + "//env:FOO=bar//env:_B2=//id=fast.gw-1";

        TxSpec spec = TxSpecs.parse(text);

        assertEquals(text, spec.text());
        assertEquals(3, spec.count());
        assertEquals(new Transport.Popen(), spec.transport());
        assertEquals(Optional.of("/opt/jdk 17/bin/java"), spec.java());
        assertEquals(List.of("-Xmx1g", "-Dx=a b"), spec.jvmArgs());
        assertEquals(Optional.of("/tmp/work"), spec.chdir());
        assertEquals(Map.of("FOO", "bar", "_B2", ""), spec.env());
        assertEquals(Optional.of("fast.gw-1"), spec.id());
    }

    @Test
    void acceptsKeysInAnyOrder() {
        TxSpec spec = TxSpecs.parse("socket=h:1//id=a//env:X=1//chdir=d//jvmArgs=-ea//java=j");

        assertEquals(Optional.of("j"), spec.java());
        assertEquals(List.of("-ea"), spec.jvmArgs());
        assertEquals(Optional.of("d"), spec.chdir());
        assertEquals(Optional.of("a"), spec.id());
    }

    @Test
    void keepsEnvironmentVariablesInTheOrderGiven() {
        TxSpec spec = TxSpecs.parse("popen//env:ZED=1//env:ALPHA=2//env:MID=3");

        assertEquals(List.of("ZED", "ALPHA", "MID"), new ArrayList<>(spec.env().keySet()));
    }

    @Test
    void allowsAnEmptyEnvironmentValue() {
        assertEquals(Map.of("EMPTY", ""), TxSpecs.parse("popen//env:EMPTY=").env());
    }

    @Test
    void trimsWhitespaceAroundTheSpec() {
        TxSpec spec = TxSpecs.parse(" \t2*popen//id=a \n");

        assertEquals("2*popen//id=a", spec.text());
        assertEquals(2, spec.count());
        assertEquals(Optional.of("a"), spec.id());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1*popen     | 1
            256*popen   | 256
            007*popen   | 7
            12*ssh=h    | 12
            """)
    void acceptsCountsFromOneTo256(String spec, int count) {
        assertEquals(count, TxSpecs.parse(spec).count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ssh=build7               | -               | build7          | -
            ssh=ci@build7            | ci              | build7          | -
            ssh=ci@build7:2222       | ci              | build7          | 2222
            ssh=build7:22            | -               | build7          | 22
            ssh=my_alias.prod-1      | -               | my_alias.prod-1 | -
            ssh=jo@corp.example@host | jo@corp.example | host            | -
            ssh=10.0.0.7:65535       | -               | 10.0.0.7        | 65535
            ssh=[::1]:22             | -               | ::1             | 22
            ssh=ci@[fe80::1%eth0]    | ci              | fe80::1%eth0    | -
            4*ssh=ci@build7          | ci              | build7          | -
            """)
    void parsesEverySshAddressForm(String text, String user, String host, Integer port) {
        Transport.Ssh expected = new Transport.Ssh(Optional.ofNullable(user), host,
                port == null ? OptionalInt.empty() : OptionalInt.of(port));

        assertEquals(expected, TxSpecs.parse(text).transport());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            socket=10.1.2.3:8888     | 10.1.2.3    | 8888
            socket=localhost:1       | localhost   | 1
            socket=[::1]:65535       | ::1         | 65535
            2*socket=worker-3:7000   | worker-3    | 7000
            """)
    void parsesSocketHostAndPort(String text, String host, int port) {
        assertEquals(new Transport.Socket(host, port), TxSpecs.parse(text).transport());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            popen                       | popen
            3*popen//id=a               | popen
            ssh=build7                  | ssh=build7
            ssh=ci@build7:22            | ssh=ci@build7:22
            ssh=[::1]:22                | ssh=[::1]:22
            socket=host:8888            | socket=host:8888
            socket=[fe80::1%eth0]:8888  | socket=[fe80::1%eth0]:8888
            """)
    void rendersTransportsBackInSpecSyntax(String text, String rendered) {
        Transport transport = TxSpecs.parse(text).transport();

        assertEquals(rendered, transport.toString());
        assertEquals(transport, TxSpecs.parse(rendered).transport());
    }

    static Stream<Arguments> jvmArgs() {
        return Stream.of(
                Arguments.of("-Xmx1g \"-Dx=a b\"", List.of("-Xmx1g", "-Dx=a b")),
                Arguments.of("-Xmx1g   -ea\t-Dy=1", List.of("-Xmx1g", "-ea", "-Dy=1")),
                Arguments.of("'-Dq=say \"hi\"'", List.of("-Dq=say \"hi\"")),
                Arguments.of("\"-Dq=it's\"", List.of("-Dq=it's")),
                Arguments.of("-Dx=\"a b\"c -Dy", List.of("-Dx=a bc", "-Dy")),
                Arguments.of("-Da=1 \"\" -Db=2", List.of("-Da=1", "", "-Db=2")),
                Arguments.of("-Dp=C:\\work\\dir", List.of("-Dp=C:\\work\\dir")),
                Arguments.of("-XX:Foo=a,b", List.of("-XX:Foo=a,b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jvmArgs")
    void splitsJvmArgsOnWhitespaceHonouringQuotes(String value, List<String> expected) {
        assertEquals(expected, TxSpecs.parse("popen//jvmArgs=" + value).jvmArgs());
    }

    @Test
    void keepsDoubleSlashesThatBelongToAValue() {
        TxSpec spec = TxSpecs.parse("popen//env:PROXY=http://proxy:3128//jvmArgs=-Du=http://h/x?q=1"
                + "//java=/opt//jdk/bin/java//chdir=file:///tmp/w//id=a");

        assertEquals(Map.of("PROXY", "http://proxy:3128"), spec.env());
        assertEquals(List.of("-Du=http://h/x?q=1"), spec.jvmArgs());
        assertEquals(Optional.of("/opt//jdk/bin/java"), spec.java());
        assertEquals(Optional.of("file:///tmp/w"), spec.chdir());
        assertEquals(Optional.of("a"), spec.id());
    }

    @Test
    void cannotBeChangedAfterParsing() {
        List<String> args = new ArrayList<>(List.of("-ea"));
        Map<String, String> env = new LinkedHashMap<>(Map.of("A", "1"));
        TxSpec spec = new TxSpec("popen", 1, new Transport.Popen(), Optional.empty(), args, Optional.empty(),
                env, Optional.empty());

        args.add("-Xmx1g");
        env.put("B", "2");

        assertEquals(List.of("-ea"), spec.jvmArgs());
        assertEquals(Map.of("A", "1"), spec.env());
        assertThrows(UnsupportedOperationException.class, () -> spec.jvmArgs().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> spec.env().put("C", "3"));
        TxSpec parsed = TxSpecs.parse("popen//env:A=1//jvmArgs=-ea");
        assertThrows(UnsupportedOperationException.class, () -> parsed.env().remove("A"));
        assertThrows(UnsupportedOperationException.class, () -> parsed.jvmArgs().clear());
    }

    // ---------------------------------------------------------------- what is refused, and how it is said

    @Test
    void explainsAnErrorWithTheSpecACaretLineAndTheAcceptedSyntax() {
        TxSpecException e = assertThrows(TxSpecException.class, () -> TxSpecs.parse("3*popn//java=/x"));

        assertEquals("""
                Invalid tx spec "3*popn//java=/x": unknown gateway kind "popn"
                  3*popn//java=/x
                    ^^^^
                """ + ACCEPTED, e.getMessage());
    }

    /**
     * Each row is a spec with the part the caret line must underline in braces ({} for a
     * single caret at that spot), and a piece of what the message must say.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            3*{popn}//java=/x                   | unknown gateway kind "popn"
            {POPEN}                             | unknown gateway kind "POPEN"
            {popen,popen}                       | unknown gateway kind "popen,popen"
            {}//java=/x                         | missing gateway kind
            {}=host                             | missing gateway kind
            3*{}                                | missing gateway kind
            popen{=host}                        | popen takes no address
            2*popen{=}                          | popen takes no address
            {ssh}                               | ssh needs an address: ssh=[user@]host[:port]
            {ssh=}                              | ssh needs an address: ssh=[user@]host[:port]
            ssh={@}host                         | missing user before "@"
            ssh={u:pw}@host                     | user "u:pw" must not contain ":"; a tx spec takes no password
            ssh={-oProxyCommand}@h              | user "-oProxyCommand" must not start with "-"
            ssh={-oFoo}                         | host "-oFoo" must not start with "-"
            ssh={::1}                           | an IPv6 address needs brackets, e.g. [::1]:22
            ssh={[::1}                          | missing "]" after IPv6 address
            ssh=[{build7}]:22                   | "build7" is not an IPv6 address
            ssh=[{}]                            | "" is not an IPv6 address
            ssh=[::1]{x}                        | expected ":port" after "]"
            ssh=u@{}                            | missing host
            ssh={}:22                           | missing host before ":"
            ssh=ho{/}st                         | unexpected character "/" in host "ho/st"
            ssh=a{,}b                           | unexpected character "," in host "a,b"
            ssh=a{*}b                           | unexpected character "*" in host "a*b"
            {socket}                            | socket needs an address: socket=host:port
            {socket=}                           | socket needs an address: socket=host:port
            socket={host}                       | socket needs a port: socket=host:port
            socket={}:80                        | missing host before ":"
            socket=u{@}h:80                     | unexpected character "@" in host "u@h"
            popen{//}                           | empty segment: nothing follows this "//"
            popen{//}//java=/x                  | empty segment: nothing follows this "//"
            popen//java=/x{//}                  | empty segment: nothing follows this "//"
            popen//{jvaa}=x                     | unknown key "jvaa"; known keys: java, jvmArgs, chdir, env:NAME, id
            popen//{jvmargs}=x                  | unknown key "jvmargs" (did you mean "jvmArgs"?); known keys:
            popen//{ENV:X}=1                    | unknown key "ENV:X" (did you mean "env:X"?); known keys:
            popen//{env}=X=1                    | unknown key "env" (environment variables are given as env:NAME=VALUE)
            popen//{foo}                        | unknown key "foo"; known keys: java, jvmArgs, chdir, env:NAME, id
            popen//{java}                       | missing "=" after key "java"; keys take the form KEY=VALUE
            popen//{java}//id=a                 | missing "=" after key "java"
            popen//{env:X}                      | missing "=" after key "env:X"
            popen//{java=}                      | key "java" needs a value
            popen//{jvmArgs=}                   | key "jvmArgs" needs a value
            popen//{chdir=}                     | key "chdir" needs a value
            popen//{id=}                        | key "id" needs a value
            popen//java=/a//{java}=/b           | key "java" is given twice; each key may appear once
            popen//env:A=1//env:B=2//{env:A}=3  | key "env:A" is given twice
            popen//{env:}=x                     | missing variable name after "env:"
            popen//env:{1A}=x                   | invalid environment variable name "1A" (expected [A-Za-z_][A-Za-z0-9_]*)
            popen//env:{A-B}=x                  | invalid environment variable name "A-B"
            popen//id={a/b}                     | invalid id "a/b" (use letters, digits, "_", "." and "-")
            popen//id={gw:1}                    | invalid id "gw:1"
            popen//jvmArgs=-Xmx1g {"-Dx=a b}    | unterminated double quote in jvmArgs
            popen//jvmArgs={'-Dx}               | unterminated single quote in jvmArgs
            popen{ }//java=/x                   | unexpected whitespace
            3{ }*popen                          | unexpected whitespace
            ssh=a{ }b                           | unexpected whitespace
            popen//{ }java=/x                   | unexpected whitespace
            popen//java{ }=/x                   | unexpected whitespace
            popen//java={ }/x                   | unexpected whitespace
            popen//java=/x{  }//id=a            | unexpected whitespace
            """)
    void pointsAtTheBadPartAndSaysWhatIsWrong(String marked, String problem) {
        assertPointsAt(marked, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {0}*popen           | "0"
            {257}*popen         | "257"
            {99999999999}*ssh=h | "99999999999"
            {x}*popen           | "x"
            {-1}*popen          | "-1"
            {+2}*popen          | "+2"
            """)
    void refusesCountOutOfRange(String marked, String got) {
        assertPointsAt(marked, "N must be a number from 1 to 256, got " + got);
    }

    @Test
    void refusesAMissingCount() {
        assertPointsAt("{*}popen", "missing N before \"*\"; N must be a number from 1 to 256");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ssh=host:{0}", "ssh=host:{65536}", "ssh=host:{http}", "socket=h:{99999}", "socket=h:{-1}"})
    void refusesPortOutOfRange(String marked) {
        String port = marked.substring(marked.indexOf('{') + 1, marked.indexOf('}'));
        assertPointsAt(marked, "port must be a number from 1 to 65535, got \"" + port + "\"");
    }

    @Test
    void refusesAMissingPortAfterTheColon() {
        assertPointsAt("ssh=host{:}", "missing port after \":\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void refusesAnEmptySpec(String text) {
        TxSpecException e = assertThrows(TxSpecException.class, () -> TxSpecs.parse(text));

        assertEquals("Invalid tx spec \"\": the spec is empty\n" + ACCEPTED, e.getMessage());
    }

    @Test
    void refusesNullWithTheAcceptedSyntax() {
        TxSpecException e = assertThrows(TxSpecException.class, () -> TxSpecs.parse(null));

        assertEquals("Invalid tx spec: none given (null)\n" + ACCEPTED, e.getMessage());
    }

    @Test
    void keepsTabsInTheCaretLineSoTheCaretsLineUp() {
        TxSpecException e = assertThrows(TxSpecException.class,
                () -> TxSpecs.parse("popen//env:A=a\tb//env:A=c"));

        // "popen//env:A=a" is 14 characters, then the tab, then "b//" before the second env:A
        assertEquals("  " + " ".repeat(14) + "\t" + " ".repeat(3) + "^^^^^", e.getMessage().lines().toList().get(2));
    }

    // ---------------------------------------------------------------- -Ddistest.tx=a,b,c

    static Stream<Arguments> commandLines() {
        return Stream.of(
                Arguments.of("popen", List.of("popen")),
                Arguments.of("2*popen,popen//java=/path/to/java", List.of("2*popen", "popen//java=/path/to/java")),
                Arguments.of("popen,ssh=ci@h:22,socket=h:1", List.of("popen", "ssh=ci@h:22", "socket=h:1")),
                Arguments.of(" popen , 3*ssh=h ,  socket=[::1]:8888 ", List.of("popen", "3*ssh=h", "socket=[::1]:8888")),
                Arguments.of(",popen,,popen,", List.of("popen", "popen")),
                Arguments.of("popen//env:LIST=a,,b", List.of("popen//env:LIST=a,,b")),
                Arguments.of("popen//env:X=a,popenish", List.of("popen//env:X=a,popenish")),
                Arguments.of("popen//env:X=a,ssh", List.of("popen//env:X=a,ssh")),
                Arguments.of("popen//jvmArgs=-Dx=a,b,2*popen//id=b", List.of("popen//jvmArgs=-Dx=a,b", "2*popen//id=b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void splitsTheCommandLineOnlyWhereANewSpecStarts(String value, List<String> expected) {
        assertEquals(expected, TxSpecs.splitList(value));
    }

    @Test
    void keepsCommasInsideJvmArgsWhenSplittingTheCommandLine() {
        List<String> specs = TxSpecs.splitList("popen//jvmArgs=-XX:Foo=a,b");

        assertEquals(List.of("popen//jvmArgs=-XX:Foo=a,b"), specs);
        assertEquals(List.of("-XX:Foo=a,b"), TxSpecs.parse(specs.get(0)).jvmArgs());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", " , ", ",,"})
    void splitsNothingIntoNoSpecs(String value) {
        assertEquals(List.of(), TxSpecs.splitList(value));
    }

    // ---------------------------------------------------------------- several specs

    @Test
    void parsesEverySpecInOrder() {
        List<TxSpec> specs = TxSpecs.parseAll(List.of("2*popen", "ssh=h//id=far", "socket=h:1"));

        assertEquals(List.of("2*popen", "ssh=h//id=far", "socket=h:1"), specs.stream().map(TxSpec::text).toList());
    }

    @Test
    void allowsAnIdOnASpecWithSeveralWorkers() {
        List<TxSpec> specs = TxSpecs.parseAll(List.of("4*popen//id=local", "ssh=h//id=far"));

        assertEquals(4, specs.get(0).count());
        assertEquals(Optional.of("local"), specs.get(0).id());
    }

    @Test
    void refusesAnIdUsedByTwoSpecs() {
        TxSpecException e = assertThrows(TxSpecException.class,
                () -> TxSpecs.parseAll(List.of("popen//id=a", "socket=h:1//id=b", "ssh=h//env:X=//id=a//id=a")));

        // the third spec fails on its own (id twice) before it can clash
        assertTrue(e.getMessage().contains("key \"id\" is given twice"), e.getMessage());

        e = assertThrows(TxSpecException.class,
                () -> TxSpecs.parseAll(List.of("popen//id=a", "socket=h:1//id=b", "ssh=h//env:X=//id=a//java=j")));
        assertEquals("""
                Invalid tx specs: id "a" is used by both "popen//id=a" and "ssh=h//env:X=//id=a//java=j"; \
                each //id= must be unique
                  popen//id=a
                         ^^^^
                  ssh=h//env:X=//id=a//java=j
                                 ^^^^""", e.getMessage());
    }

    @Test
    void passesOnTheErrorOfABadSpec() {
        TxSpecException e = assertThrows(TxSpecException.class,
                () -> TxSpecs.parseAll(List.of("popen", "ssh=h:0")));

        assertTrue(e.getMessage().startsWith("Invalid tx spec \"ssh=h:0\": port must be"), e.getMessage());
    }

    @Test
    void parsesNoSpecsIntoNothing() {
        assertEquals(List.of(), TxSpecs.parseAll(null));
        assertEquals(List.of(), TxSpecs.parseAll(List.of()));
    }

    // ---------------------------------------------------------------- -Ddistest.n

    @Test
    void autoMeansOneLocalJvmPerCore() {
        TxSpec spec = TxSpecs.forWorkerCount("auto", 8);

        assertEquals(TxSpecs.parse("8*popen"), spec);
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "-3, 1", "1, 1", "256, 256", "1000, 256"})
    void autoStaysWithinOneTo256Workers(int processors, int count) {
        assertEquals(count, TxSpecs.forWorkerCount("auto", processors).count());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1      | 1
            4      | 4
            ' 16 ' | 16
            256    | 256
            """)
    void aNumberMeansThatManyLocalJvms(String n, int count) {
        TxSpec spec = TxSpecs.forWorkerCount(n, 8);

        assertEquals(count, spec.count());
        assertEquals(new Transport.Popen(), spec.transport());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "257", "x", "", "-1", "auto4", "2*popen", "99999999999"})
    void refusesAWorkerCountThatIsNeitherAutoNorInRange(String n) {
        TxSpecException e = assertThrows(TxSpecException.class, () -> TxSpecs.forWorkerCount(n, 8));

        assertEquals("distest.n must be \"auto\" or a number from 1 to 256, got \"" + n + "\"", e.getMessage());
    }

    @Test
    void refusesAMissingWorkerCount() {
        TxSpecException e = assertThrows(TxSpecException.class, () -> TxSpecs.forWorkerCount(null, 8));

        assertEquals("distest.n must be \"auto\" or a number from 1 to 256, got nothing", e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    /** {@code marked} is a spec with the part to underline in braces; checks all four message lines. */
    private static void assertPointsAt(String marked, String problem) {
        int open = marked.indexOf('{');
        int close = marked.indexOf('}');
        String spec = marked.substring(0, open) + marked.substring(open + 1, close) + marked.substring(close + 1);

        TxSpecException e = assertThrows(TxSpecException.class, () -> TxSpecs.parse(spec));

        List<String> lines = e.getMessage().lines().toList();
        String head = "Invalid tx spec \"" + spec + "\": ";
        assertTrue(lines.get(0).startsWith(head) && lines.get(0).substring(head.length()).contains(problem),
                () -> "expected \"" + problem + "\" in:\n" + e.getMessage());
        assertEquals(List.of("  " + spec, "  " + " ".repeat(open) + "^".repeat(Math.max(1, close - open - 1)), ACCEPTED),
                lines.subList(1, lines.size()), e.getMessage());
    }
}
