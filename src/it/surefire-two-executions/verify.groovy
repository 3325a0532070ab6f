// Three test-phase Surefire executions: under distest each one runs, distributed, with its own system property, and
// its reports are named as Surefire names them (flavour-b's with its suffix; flavour-c's replace default-test's).
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
List<String> builds = buildLog.text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
if (builds.size() != 2) fail("expected the logs of 2 builds in build.log, found ${builds.size()}")
builds.eachWithIndex { String log, int i -> if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed") }
String distest = builds[1]

def ids = ['default-test', 'flavour-b', 'flavour-c']
if (!distest.contains('maven-surefire-plugin:test (default-test, flavour-b, flavour-c) taken over by distest:test on 2*popen')) fail('no take-over line naming the three executions')
if (distest =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test/) fail('Surefire ran although distest took over')
if (!distest.contains('executions default-test, flavour-c write TEST-*.xml under the same names into the same reportsDirectory')) fail('no note that default-test and flavour-c share report names')
ids.each { id ->
    if (!(distest =~ /--- distest(-maven-plugin)?:[^:]+:test \(${id}\)/)) fail("distest:test (${id}) did not run")
    if (!distest.contains("distest: execution ${id} inherits Surefire's ${id} configuration: ")) fail("no inheritance line for ${id}")
}
if ((distest =~ /(?m)^\[INFO\] distest: 2 test classes on 2 workers \(2\*popen\)/).size() != 3) fail('expected three distributed runs')

/** report file name -> [flavour property, distest.worker property] */
def reports = { String dirName ->
    File dir = new File(basedir, "target/${dirName}")
    (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.collectEntries { file ->
        def props = new XmlSlurper().parse(file).properties.property
        def value = { String name -> props.find { it.@name.text() == name }?.@value?.text() }
        [(file.name): [value('flavour'), value('distest.worker')]]
    }
}
def surefire = reports('reports-surefire')
def dist = reports('reports-distest')
def expected = ['TEST-it.two.FlavourTest.xml': 'c', 'TEST-it.two.OtherTest.xml': 'c',
                'TEST-it.two.FlavourTest-b.xml': 'b', 'TEST-it.two.OtherTest-b.xml': 'b']
[surefire: surefire, distest: dist].each { who, found ->
    if (found.keySet() != expected.keySet()) fail("${who}: report files ${found.keySet()}, expected ${expected.keySet()}")
    expected.each { name, flavour -> if (found[name][0] != flavour) fail("${who}: ${name} has flavour ${found[name][0]}, expected ${flavour}") }
}
dist.each { name, values -> if (!(values[1] ==~ /gw[01]/)) fail("${name} in reports-distest has no distest.worker property") }
println "surefire-two-executions: 3 executions distributed; reports named as Surefire names them: ${expected.keySet()}"
return true
