// JUnit 6 through distest: tx and testFailureIgnore from the POM, a failure reported with type and message.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def expectLog = { String needle, String why -> if (!log.contains(needle)) fail("${why}: build.log lacks \"${needle}\"") }

expectLog('distest: jupiter6: maven-surefire-plugin:test (default-test) taken over by distest:test on 2*popen',
        'the POM-configured <tx> did not take over Surefire')
if ((log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test/)) fail('Surefire ran the tests although distest took them over')
expectLog('distest: 2 test classes on 2 workers (2*popen)', 'the run start-up line is missing')
expectLog('Tests run: 4, Failures: 1, Errors: 0, Skipped: 0', 'wrong final summary')
expectLog('There are test failures', 'the failure is not reported at the end')
expectLog('CalculatorTest.failsOnPurpose', 'the Results section does not name the failed test')
expectLog('BUILD SUCCESS', 'testFailureIgnore (from the Surefire configuration) did not let the build pass')
if (!(log =~ /(?m)\[gw[01]\] \[\s*\d+%\] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: .*-- in it\.junit6\.CalculatorTest$/)) {
    fail('no per-class console line with the failure for it.junit6.CalculatorTest')
}

File reports = new File(basedir, 'target/surefire-reports')
def calculator = new XmlSlurper().parse(new File(reports, 'TEST-it.junit6.CalculatorTest.xml'))
if (calculator.@tests.text() != '2' || calculator.@failures.text() != '1' || calculator.@errors.text() != '0') {
    fail("CalculatorTest report counts: tests=${calculator.@tests} failures=${calculator.@failures} errors=${calculator.@errors}")
}
def failed = calculator.testcase.find { it.@name.text() == 'failsOnPurpose' }
if (failed.failure.size() != 1) fail('failsOnPurpose is not reported as a failure')
if (failed.failure.@type.text() != 'org.opentest4j.AssertionFailedError') fail("failure type is \"${failed.failure.@type}\"")
if (failed.failure.@message.text() != 'two plus two ==> expected: <5> but was: <4>') fail("failure message is \"${failed.failure.@message}\"")
String trace = failed.failure.text()
if (!trace.contains('org.opentest4j.AssertionFailedError: two plus two') || !trace.contains('it.junit6.CalculatorTest.failsOnPurpose(CalculatorTest.java:')) {
    fail("the failure's stack trace is missing or wrong:\n${trace}")
}
def passed = calculator.testcase.find { it.@name.text() == 'passes' }
if (passed.isEmpty() || passed.failure.size() || passed.error.size() || passed.skipped.size()) fail('passes is not reported as passed')

def engines = new XmlSlurper().parse(new File(reports, 'TEST-it.junit6.EngineVersionTest.xml'))
engines.testcase.each { tc ->
    if (tc.failure.size() || tc.error.size()) {
        fail("EngineVersionTest.${tc.@name}: ${tc.failure.@message}${tc.error.@message} (the engine/launcher distest added do not match JUnit 6.1.3)")
    }
}
if (engines.testcase.size() != 2) fail("EngineVersionTest has ${engines.testcase.size()} test cases, expected 2")
return true
