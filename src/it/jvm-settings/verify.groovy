// The tests themselves check the JVM settings; here: they ran under distest and every one passed.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

if (!log.contains('distest: jvm-settings: maven-surefire-plugin:test (default-test) taken over by distest:test on 2*popen')) fail('no take-over line')
if ((log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test/)) fail('Surefire ran the tests although distest took them over')

File reports = new File(basedir, 'target/surefire-reports')
def problems = []
int tests = 0
['it.jvm.JvmSettingsTest', 'it.jvm.SecondWorkerTest'].each { c ->
    File f = new File(reports, "TEST-${c}.xml")
    if (!f.isFile()) fail("no report ${f.name}")
    def suite = new XmlSlurper().parse(f)
    suite.testcase.each { tc ->
        tests++
        if (tc.failure.size() || tc.error.size() || tc.skipped.size()) {
            problems << "  ${tc.@classname}.${tc.@name}: ${tc.failure.@message}${tc.error.@message}${tc.skipped.@message}"
        }
    }
}
if (problems) fail("JVM settings did not reach the test JVMs:\n${problems.join('\n')}")
if (tests != 7) fail("expected 7 test cases, found ${tests}")
if (!log.contains('BUILD SUCCESS')) fail('the build failed')
return true
