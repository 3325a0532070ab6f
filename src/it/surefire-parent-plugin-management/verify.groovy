// The child's tests ran on distest's workers with the configuration of the parent's pluginManagement.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

if (!log.contains('BUILD SUCCESS')) fail('the build failed')
if (!log.contains('distest: child: maven-surefire-plugin:test (default-test) taken over by distest:test on 2*popen')) fail('no take-over line for the child')
if (log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test/) fail('Surefire ran although distest took over')
if (!log.contains('distest: execution default-test inherits Surefire\'s default-test configuration: argLine "-Dfrom.parent=yes", 0 includes, 1 exclude,')) fail('the inheritance line does not show the parent\'s settings')
if (!(log =~ /inherits .*; also .*trimStackTrace/)) fail('trimStackTrace from the parent not named as inherited')

File reports = new File(basedir, 'child/target/surefire-reports')
def seen = [:]
(reports.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.each { file ->
    def suite = new XmlSlurper().parse(file)
    def worker = suite.properties.property.find { it.@name.text() == 'distest.worker' }.@value.text()
    if (!(worker ==~ /gw[01]/)) fail("${file.name} has no distest.worker property")
    suite.testcase.each { tc -> seen["${tc.@classname}#${tc.@name}".toString()] = tc.failure.size() || tc.error.size() ? 'failed' : 'passed' }
}
def expected = ['it.parent.ParentConfigurationTest#argLineFromThePluginManagementOfTheParent', 'it.parent.ParentConfigurationTest#systemPropertiesFromThePluginManagementOfTheParent',
                'it.parent.ParentConfigurationTest#expressionsAreTheChildsOwn', 'it.parent.SecondTest#alsoSeesTheParentsArgLine']
if (seen.keySet() != (expected as Set)) fail("test cases ${seen.keySet()}, expected ${expected}")
if (seen.values().any { it != 'passed' }) fail("not every test passed: ${seen}")
return true
