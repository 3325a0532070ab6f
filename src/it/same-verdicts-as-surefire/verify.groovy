// Surefire and distest ran the same project (all tests, then a -Dtest selection): same test cases, same verdicts.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> builds = parity.builds(basedir, 4)
builds.eachWithIndex { String log, int i ->
    boolean distest = i % 2 == 1
    if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed")
    if (distest != log.contains('taken over by distest:test on 2*popen')) fail("build ${i + 1}: take-over line ${distest ? 'missing' : 'present'}")
    if (distest == (log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test \(default-test\)/).find()) fail("build ${i + 1}: Surefire ${distest ? 'ran' : 'did not run'}")
}

def verdicts = { String dirName -> parity.verdicts(new File(basedir, "target/${dirName}")) }
def differences = [parity.compare(basedir, 'all tests', 'target/reports-surefire', 'target/reports-distest', builds[0], builds[1]),
                   parity.compare(basedir, '-Dtest selection', 'target/reports-surefire-selected', 'target/reports-distest-selected', builds[2], builds[3])]
if (differences.any()) fail(differences.findAll().join('\n'))

// Sanity: the sample really covers every outcome, and distest's reports are distest's.
def all = verdicts('reports-distest').values().flatten()
['passed', 'failure', 'error', 'skipped'].each { kind ->
    if (!all.any { it.startsWith(kind) }) fail("the distest reports hold no ${kind} test case")
}
(new File(basedir, 'target/reports-distest').listFiles().findAll { it.name ==~ /TEST-.*\.xml/ }).each { file ->
    def worker = new XmlSlurper().parse(file).properties.property.find { it.@name.text() == 'distest.worker' }.@value.text()
    if (!(worker ==~ /gw[01]/)) fail("${file.name} in reports-distest has no distest.worker property")
}
if (new File(basedir, 'target/surefire-reports').exists()) fail('a build wrote to target/surefire-reports although reportsDirectory pointed elsewhere')
return true
