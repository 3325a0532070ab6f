// mvn test-compile io.distest:distest-maven-plugin:VERSION:test -Ddistest.tx=2*popen on a project without distest.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
List<String> builds = buildLog.text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
if (builds.size() != 2) fail("expected the logs of 2 builds in build.log, found ${builds.size()}")

String log = builds[0]
if (!log.contains('BUILD SUCCESS')) fail('build 1: the command-line goal failed')
if (!(log =~ /--- distest(-maven-plugin)?:[^:]+:test \(default-cli\) @ cli-goal-no-pom-change ---/)) fail('build 1: distest:test (default-cli) did not run')
if (log.contains('maven-surefire-plugin')) fail('build 1: Surefire ran (test-compile should stop before the test phase)')
if (log.contains('taken over by distest')) fail('build 1: a take-over happened in a project that does not declare distest')
if (!log.contains('distest: 2 test classes on 2 workers (2*popen)')) fail('build 1: no run start-up line')
if (!log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')) fail('build 1: wrong final summary')

File reports = new File(basedir, 'target/surefire-reports')
def seen = [] as Set
['it.cli.GreeterTest', 'it.cli.OtherTest'].each { c ->
    File f = new File(reports, "TEST-${c}.xml")
    if (!f.isFile()) fail("no report ${f.name}")
    def suite = new XmlSlurper().parse(f)
    def worker = suite.properties.property.find { it.@name.text() == 'distest.worker' }.@value.text()
    if (!(worker ==~ /gw[01]/)) fail("${f.name}: distest.worker property is \"${worker}\"")
    suite.testcase.each { tc ->
        seen << "${tc.@classname}#${tc.@name}".toString()
        if (tc.error.size() || tc.failure.size() || tc.skipped.size()) fail("${tc.@classname}#${tc.@name} did not pass")
    }
}
def expected = ['it.cli.GreeterTest#greets', 'it.cli.GreeterTest#runsOnAWorker', 'it.cli.OtherTest#multiplies'] as Set
if (seen != expected) fail("test cases differ; missing ${expected - seen}, unexpected ${seen - expected}")

String noTx = builds[1]
if (!noTx.contains('distest:test needs gateways')) fail('build 2: no message saying that the goal needs -Ddistest.tx or -Ddistest.n')
if (noTx.contains('T E S T S') || noTx =~ /\[gw\d+\]/) fail('build 2: tests ran without gateways')
return true
