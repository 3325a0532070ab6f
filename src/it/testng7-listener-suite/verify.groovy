// Surefire's TestNG provider and distest (running that same provider in its workers) on one TestNG 7.10.2 project:
// the same test cases with the same names and verdicts, the same summary, and the same report files, except those
// that describe one whole TestNG run, which distest names in its log.

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> builds = parity.builds(basedir, 2)
String surefireLog = builds[0], distestLog = builds[1]
parity.surefireThenDistest(builds, '2*popen', fail)
if (!distestLog.contains('TestNG 7.10.2 runs on Surefire\'s TestNG provider 3.5.4 in the workers')) fail('the inheritance line does not name the provider')
if (distestLog.contains('failed to discover tests')) fail('the JUnit Platform TestNG engine was used')

def verdicts = { String dirName -> parity.verdicts(new File(basedir, "target/${dirName}")) }
def summary = parity.summary
def files = { String dirName -> parity.allFiles(new File(basedir, "target/${dirName}")) }

def problems = []
def expected = verdicts('reports-surefire'), actual = verdicts('reports-distest')
(expected.keySet() + actual.keySet()).each { id ->
    if (expected[id] != actual[id]) problems << "  ${id}\n      Surefire: ${expected[id] ?: 'not reported'}\n      distest:  ${actual[id] ?: 'not reported'}"
}
if (summary(surefireLog) != summary(distestLog)) problems << "  summary\n      Surefire: ${summary(surefireLog)}\n      distest:  ${summary(distestLog)}"

// the names Surefire's TestNG provider gives, which the JUnit Platform engine does not
['it.tng7.ParametersTest # notThree[1](1)', 'it.tng7.ParametersTest # notThree[3](3)',
 'it.tng7.SuiteParameterTest # getsTheSuiteParameter[hello from the suite](1)', 'it.tng7.SuiteParameterTest # runsAfterIt'].each {
    if (!actual.containsKey(it)) problems << "  distest lacks ${it}"
}
if (actual.keySet().any { it.contains('excludedBySuiteGroups') }) problems << "  the suite's group exclusion did not hold"
if (actual['it.tng7.SuiteParameterTest # getsTheSuiteParameter[hello from the suite](1)'] != ['passed']) problems << '  the suite parameter did not reach the test'

def surefireFiles = files('reports-surefire'), distestFiles = files('reports-distest')
['TEST-TestSuite.xml', 'testng-results.xml'].each { if (!distestFiles.contains(it)) problems << "  distest did not write ${it}" }
def junitReports = { Set<String> all -> all.findAll { it.startsWith('junitreports/') } as TreeSet }
if (junitReports(surefireFiles) != junitReports(distestFiles)) problems << "  junitreports/ differ\n      Surefire: ${junitReports(surefireFiles)}\n      distest:  ${junitReports(distestFiles)}"
// one suite run, on one worker: TestNG's own reports are that run's, so every file is there
if (surefireFiles != distestFiles) problems << "  report files differ\n      only Surefire: ${surefireFiles - distestFiles}\n      only distest:  ${distestFiles - surefireFiles}"

def marks = { String build ->
    File file = new File(basedir, "target/reports-${build}-marks.txt")
    file.isFile() ? file.readLines().sort() : []
}
if (!marks('surefire').contains('reporter saw suite tng7-suite') || !marks('surefire').any { it.startsWith('listener saw') }) {
    problems << "  Surefire's own run did not mark the listener and reporter: ${marks('surefire')}"
}
if (marks('surefire') != marks('distest')) problems << "  listener/reporter marks differ\n      Surefire: ${marks('surefire')}\n      distest:  ${marks('distest')}"
if (distestLog.contains('provider properties are not passed on')) problems << '  distest warned that provider properties are dropped'

def counts = { String dirName -> parity.testngCounts(new File(basedir, "target/${dirName}")) }
if (counts('reports-surefire') != counts('reports-distest')) problems << "  testng-results.xml counts\n      Surefire: ${counts('reports-surefire')}\n      distest:  ${counts('reports-distest')}"

if (problems) fail("distest differs from Surefire's TestNG provider:\n" + problems.join('\n'))
println "testng7: ${expected.size()} test cases, same verdicts, same summary (${summary(distestLog)}), ${distestFiles.size()} report files"
return true
