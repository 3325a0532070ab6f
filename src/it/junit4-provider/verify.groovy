// Plain JUnit 4 through Surefire's JUnit 4 provider in the workers: results reported, the failing assertion fails the build.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def expectLog = { String needle, String why -> if (!log.contains(needle)) fail("${why}: build.log lacks \"${needle}\"") }

expectLog('distest: junit4-provider: maven-surefire-plugin:test (default-test) taken over by distest:test on 2*popen', 'no take-over line')
if ((log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test/)) fail('Surefire ran the tests although distest took them over')
expectLog('distest: 3 test classes on 2 workers (2*popen)', 'the run start-up line is missing')
expectLog('Tests run: 6, Failures: 1, Errors: 0, Skipped: 1', 'wrong final summary')
expectLog('There are test failures', 'the build failure does not say why')
expectLog('BUILD FAILURE', 'a failing JUnit 4 test did not fail the build')
if (log.contains("an @Ignore'd test ran")) fail("the @Ignore'd test ran")

File reports = new File(basedir, 'target/surefire-reports')
def expected = [
    'it.junit4.ArithmeticTest#adds'                        : 'passed',
    'it.junit4.ArithmeticTest#subtractsWrongly'            : 'failure',
    'it.junit4.ArithmeticTest#ignored'                     : 'skipped',
    'it.junit4.StringsTest#upperCases'                     : 'passed',
    'it.junit4.StringsTest#knowsItsWorker'                 : 'passed',
    'it.junit4.ProviderTest#runsOnSurefiresJUnit4ProviderWithoutTheJUnitPlatform': 'passed',
]
def actual = [:]
def cases = [:]
(reports.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.each { file ->
    def suite = new XmlSlurper().parse(file)
    def props = suite.properties.property.collectEntries { [(it.@name.text()): it.@value.text()] }
    if (!(props['distest.worker'] ==~ /gw[01]/)) fail("${file.name}: distest.worker property is \"${props['distest.worker']}\"")
    suite.testcase.each { tc ->
        String id = "${tc.@classname.text()}#${tc.@name.text()}"
        actual[id] = tc.failure.size() ? 'failure' : tc.error.size() ? 'error' : tc.skipped.size() ? 'skipped' : 'passed'
        cases[id] = tc
    }
}
if (actual != expected) fail("JUnit 4 outcomes differ.\n expected ${expected}\n actual   ${actual}")

def failure = cases['it.junit4.ArithmeticTest#subtractsWrongly'].failure
if (failure.@type.text() != 'java.lang.AssertionError') fail("failure type is \"${failure.@type}\"")
if (failure.@message.text() != 'difference expected:<1> but was:<2>') fail("failure message is \"${failure.@message}\"")
if (!failure.text().contains('it.junit4.ArithmeticTest.subtractsWrongly(ArithmeticTest.java:')) fail("no stack trace in the failure:\n${failure.text()}")
def skipped = cases['it.junit4.ArithmeticTest#ignored'].skipped
if (skipped.@message.text() != 'flaky in 1999') fail("the @Ignore reason is reported as \"${skipped.@message}\"")
if (!cases['it.junit4.StringsTest#knowsItsWorker'].'system-out'.text().contains('StringsTest on gw')) {
    fail('the output of StringsTest.knowsItsWorker is not in its system-out')
}
return true
