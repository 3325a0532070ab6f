// A missing workingDirectory is created (as Surefire does) and system property basedir is set (as Surefire does).
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

if (!log.contains('taken over by distest:test on 2*popen')) fail('no take-over line')
File report = new File(basedir, 'target/surefire-reports/TEST-it.parity.ForkParityTest.xml')
if (!report.isFile()) {
    def error = log.readLines().find { it.contains('Failed to execute goal') }
    fail("no report: the tests did not run. ${error ?: ''}")
}
def problems = []
new XmlSlurper().parse(report).testcase.each { tc ->
    if (tc.failure.size() || tc.error.size()) problems << "  ${tc.@name}: ${tc.failure.@message}${tc.error.@message}"
}
if (problems) fail("the test JVM lacks what a Surefire fork gets:\n${problems.join('\n')}")
if (!log.contains('BUILD SUCCESS')) fail('the build failed')
return true
