// The plugin is declared but no tx/n is set: Surefire runs the tests, distest stays out of the way.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

if (!log.contains('BUILD SUCCESS')) fail('the build failed')
if (!(log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test \(default-test\) @ no-setting-runs-surefire ---/)) fail('Surefire did not run the tests')
if (log =~ /--- distest(-maven-plugin)?:[^:]+:test/) fail('distest:test ran without any distest setting')
def distestLines = log.readLines().findAll { it =~ /^\[\w+\] distest:/ }
if (distestLines) fail("distest logged although nothing asked for it:\n${distestLines.join('\n')}")
if (log =~ /\[gw\d+\]/) fail('a distest worker was started')
if (!log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')) fail('Surefire\'s summary is missing')

File report = new File(basedir, 'target/surefire-reports/TEST-it.plain.PlainTest.xml')
if (!report.isFile()) fail("no Surefire report ${report}")
def suite = new XmlSlurper().parse(report)
if (suite.properties.property.any { it.@name.text() == 'distest.worker' }) fail('the report carries distest.worker: distest ran the tests')
if (suite.@tests.text() != '2' || suite.@failures.text() != '0' || suite.@errors.text() != '0') fail('PlainTest did not pass')
if (new File(basedir, 'target/distest').exists()) fail('distest created target/distest although it had nothing to do')
return true
