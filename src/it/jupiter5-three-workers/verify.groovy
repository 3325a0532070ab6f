// JUnit Jupiter 5.14 on 3*popen: Surefire's execution is taken over, every worker is used, reports are complete.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text

def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def expectLog = { String needle, String why ->
    if (!log.contains(needle)) fail("${why}: build.log lacks \"${needle}\"")
}

// Take-over, and nothing run twice.
expectLog('distest: jupiter5-three-workers: maven-surefire-plugin:test (default-test) taken over by distest:test on 3*popen',
        'the take-over line is missing')
if (!(log =~ /--- distest(-maven-plugin)?:[^:]+:test/)) fail('distest:test did not run')
if ((log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test/)) fail('Surefire ran the tests although distest took them over')
int testsBanners = log.count(' T E S T S')
if (testsBanners != 1) fail("expected one \"T E S T S\" banner (distest's only), found ${testsBanners}")
expectLog('distest: 7 test classes on 3 workers (3*popen), dist=load', 'the run start-up line is missing')
['gw0', 'gw1', 'gw2'].each { gw ->
    if (!(log =~ /(?m)\[${gw}\] 3\*popen: Java 17\S*.* pid \d+, ready in/)) fail("no start-up line for worker ${gw}")
}
if (log =~ /\[gw[3-9]\]/) fail('a worker beyond gw2 was started for 3*popen')
expectLog('Tests run: 20, Failures: 0, Errors: 0, Skipped: 1', 'wrong final summary')
expectLog('BUILD SUCCESS', 'the build did not succeed')

// Reports: every test, its worker, its output.
File reportsDir = new File(basedir, 'target/surefire-reports')
def reportFiles = (reportsDir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.sort { it.name }
def classes = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf'].collect { "it.jupiter.${it}Test".toString() }
if (reportFiles*.name != classes.collect { "TEST-${it}.xml".toString() }) {
    fail("expected one report per class ${classes}, found ${reportFiles*.name}")
}

def expected = [] as Set
classes.findAll { !it.endsWith('GolfTest') }.each { c -> ['adds', 'concatenates', 'printsItsWorker'].each { expected << "${c}#${it}".toString() } }
expected << 'it.jupiter.GolfTest#multiplies'
expected << 'it.jupiter.GolfTest#disabledNeverRuns'

def seen = [] as Set
def workers = [] as Set
reportFiles.each { file ->
    def suite = new XmlSlurper().parse(file)
    String className = suite.@name.text()
    def props = suite.properties.property.collectEntries { [(it.@name.text()): it.@value.text()] }
    String worker = props['distest.worker']
    if (!(worker ==~ /gw[0-2]/)) fail("${file.name}: property distest.worker is \"${worker}\", expected gw0..gw2")
    if (!props['java.version']) fail("${file.name}: no java.version property")
    workers << worker
    // The console names the same worker for that class.
    if (!(log =~ /(?m)\[${worker}\] \[\s*\d+%\] Tests run: \d+, Failures: 0, Errors: 0, Skipped: \d, Time elapsed: .* -- in ${java.util.regex.Pattern.quote(className)}$/)) {
        fail("no console line \"[${worker}] [ NN%] Tests run: ... -- in ${className}\"")
    }
    suite.testcase.each { tc ->
        String id = "${tc.@classname.text()}#${tc.@name.text()}"
        if (!seen.add(id)) fail("${file.name}: test case ${id} reported twice")
        if (tc.failure.size() || tc.error.size()) fail("${file.name}: ${id} should have passed")
        if (tc.@name.text() == 'printsItsWorker') {
            String out = tc.'system-out'.text()
            String simple = className.substring(className.lastIndexOf('.') + 1)
            String number = worker.substring(2)
            if (!out.contains("${simple} ran on worker=${worker} number=${number}")) {
                fail("${id}: system-out should hold the line the test printed with its own worker ${worker}, was: \"${out}\"")
            }
        }
    }
    if (suite.@tests.text() != String.valueOf(suite.testcase.size())) fail("${file.name}: tests=${suite.@tests} but ${suite.testcase.size()} test cases")
}
if (seen != expected) fail("test cases differ; missing ${expected - seen}, unexpected ${seen - expected}")
if (workers != ['gw0', 'gw1', 'gw2'] as Set) fail("the 7 classes ran on workers ${workers}, expected all of gw0, gw1, gw2")

def golf = new XmlSlurper().parse(new File(reportsDir, 'TEST-it.jupiter.GolfTest.xml'))
def disabled = golf.testcase.find { it.@name.text() == 'disabledNeverRuns' }
if (disabled.skipped.size() != 1) fail('the @Disabled test is not reported as skipped')
if (disabled.skipped.@message.text() != 'not today') fail("the @Disabled reason is \"${disabled.skipped.@message}\", expected \"not today\"")
if (golf.@skipped.text() != '1') fail("GolfTest suite says skipped=${golf.@skipped}, expected 1")
if (log.contains('a @Disabled test ran')) fail('the @Disabled test ran')

return true
