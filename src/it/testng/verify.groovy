// TestNG through Surefire's own TestNG provider on 2*popen: one TEST-TestSuite.xml, as Surefire writes it.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def expectLog = { String needle, String why -> if (!log.contains(needle)) fail("${why}: build.log lacks \"${needle}\"") }

expectLog('distest: testng: maven-surefire-plugin:test (default-test) taken over by distest:test on 2*popen', 'no take-over line')
if ((log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test/)) fail('Surefire ran the tests although distest took them over')
expectLog('distest: 2 test classes on 2 workers (2*popen)', 'the run start-up line is missing')
expectLog('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0', 'wrong final summary')
expectLog('BUILD SUCCESS', 'the build did not pass')

File reports = new File(basedir, 'target/surefire-reports')
def expected = ['it.testng.GreetingTest#greets', 'it.testng.GreetingTest#shouts',
                'it.testng.EngineTest#runsOnSurefiresTestNGProvider', 'it.testng.EngineTest#seesItsWorker'] as Set
def reportFiles = (reports.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }*.name
if (reportFiles != ['TEST-TestSuite.xml']) fail("expected Surefire's one TEST-TestSuite.xml, found ${reportFiles}")
['testng-results.xml', 'junitreports/TEST-it.testng.GreetingTest.xml', 'junitreports/TEST-it.testng.EngineTest.xml'].each {
    if (!new File(reports, it).isFile()) fail("TestNG's own ${it} is missing")
}
def seen = [] as Set
(reports.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.each { file ->
    def suite = new XmlSlurper().parse(file)
    def props = suite.properties.property.collectEntries { [(it.@name.text()): it.@value.text()] }
    if (!(props['distest.worker'] ==~ /gw[01](,gw1)?/)) fail("${file.name}: distest.worker property is \"${props['distest.worker']}\"")
    suite.testcase.each { tc ->
        String id = "${tc.@classname.text()}#${tc.@name.text()}"
        seen << id
        if (tc.failure.size() || tc.error.size() || tc.skipped.size()) {
            fail("${id} did not pass: ${tc.failure.@message}${tc.error.@message}${tc.skipped.@message}")
        }
        if (id.endsWith('#greets') && !tc.'system-out'.text().contains('greeting from gw')) fail("greets' output is not in its system-out")
    }
}
if (seen != expected) fail("TestNG test cases differ; missing ${expected - seen}, unexpected ${seen - expected}")
return true
