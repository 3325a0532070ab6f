// A reactor with -Ddistest.tx: only the module declaring distest is taken over.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def expectLog = { String needle, String why -> if (!log.contains(needle)) fail("${why}: build.log lacks \"${needle}\"") }

expectLog('BUILD SUCCESS', 'the reactor build failed')
expectLog('distest: with-distest: maven-surefire-plugin:test (default-test) taken over by distest:test on 2*popen',
        'with-distest was not taken over')
def takeOvers = log.readLines().findAll { it.contains('taken over by distest') || it.contains('Surefire test execution to take over') }
if (takeOvers.size() != 1) fail("expected exactly one take-over line (with-distest), found:\n${takeOvers.join('\n')}")
if (!(log =~ /--- distest(-maven-plugin)?:[^:]+:test \(default-test\) @ with-distest ---/)) fail('distest:test did not run in with-distest')
if (log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test \(default-test\) @ with-distest/) fail('Surefire also ran with-distest\'s tests')
if (!(log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test \(default-test\) @ plain ---/)) fail('Surefire did not run plain\'s tests')
if (log =~ /--- distest(-maven-plugin)?:[^:]+:test \(default-test\) @ (plain|reactor-parent)/) fail('distest ran in a module that does not declare it')
expectLog('distest: 2 test classes on 2 workers (2*popen)', 'with-distest\'s run start-up line is missing')

def suiteOf = { String module, String testClass ->
    File file = new File(basedir, "${module}/target/surefire-reports/TEST-${testClass}.xml")
    if (!file.isFile()) fail("no report ${file}")
    new XmlSlurper().parse(file)
}
def propsOf = { suite -> suite.properties.property.collectEntries { [(it.@name.text()): it.@value.text()] } }
['it.reactor.DistributedTest', 'it.reactor.MoreDistributedTest'].each { c ->
    def suite = suiteOf('with-distest', c)
    if (!(propsOf(suite)['distest.worker'] ==~ /gw[01]/)) fail("${c} in with-distest was not run by a distest worker")
    if (suite.@failures.text() != '0' || suite.@errors.text() != '0') fail("${c} did not pass")
}
def plain = suiteOf('plain', 'it.reactor.PlainTest')
if (propsOf(plain).containsKey('distest.worker')) fail('plain\'s report carries distest.worker: distest ran it')
if (plain.@tests.text() != '1' || plain.@failures.text() != '0' || plain.@errors.text() != '0') fail('PlainTest did not pass under Surefire')
if (new File(basedir, 'plain/target/distest').exists()) fail('distest left a work directory in plain')
return true
