// suiteXmlFiles: exactly what the TestNG suites select ran on a distest worker, through Surefire's TestNG provider.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

if (!log.contains('BUILD SUCCESS')) fail('the build failed')
if (!log.contains('taken over by distest:test on 2*popen')) fail('no take-over line')
if (!log.contains("TestNG 7.10.2 runs on Surefire's TestNG provider 3.5.4 in the workers, the suiteXmlFiles whole, in one TestNG run on one worker")) fail('the inheritance line does not say the suites run whole on the provider')
if (log.contains('Surefire settings distest does not honour')) fail('this suite holds nothing distest cannot honour')
if (!log.contains('distest: 1 test classes on 1 worker (2*popen)')) fail('expected the suites as one unit, on one worker')

def expected = ['it.suite.SelectedTest#listenerFromTheSuiteRuns', 'it.suite.NarrowedTest#keptOne', 'it.suite.NarrowedTest#keptTwo',
                'it.suite.FromSuiteFileTest#namedByANestedSuiteFile', 'it.suite.pkg.sub.InPackageTest#foundThroughThePackage'] as Set
def seen = [:]
(new File(basedir, 'target/surefire-reports').listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.each { file ->
    new XmlSlurper().parse(file).testcase.each { tc ->
        seen["${tc.@classname}#${tc.@name}".toString()] = tc.failure.size() || tc.error.size() ? "failed: ${tc.failure.@message}${tc.error.@message}" : tc.skipped.size() ? 'skipped' : 'passed'
    }
}
if (seen.keySet() != expected) fail("test cases differ; missing ${expected - seen.keySet()}, unexpected ${seen.keySet() - expected}")
if (seen.values().any { it != 'passed' }) fail("not every selected test passed: ${seen}")
return true
