// Surefire's TestNG provider and distest (running that same provider in its workers) on one TestNG 6.9.10 project:
// the same test cases with the same names and verdicts, the same summary, and the same report files, except those
// that describe one whole TestNG run, which distest names in its log.

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> builds = parity.builds(basedir, 2)
String surefireLog = builds[0], distestLog = builds[1]
parity.surefireThenDistest(builds, '2*popen', fail)
if (!distestLog.contains('TestNG 6.9.10 runs on Surefire\'s TestNG provider 3.5.4 in the workers')) fail('the inheritance line does not name the provider')
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
['it.tng6.ParametersTest # notThree[1](1)', 'it.tng6.ParametersTest # notThree[3](3)',
 'it.tng6.DependenciesTest # skippedBecauseItsDependencyFailed'].each { if (!actual.containsKey(it)) problems << "  distest lacks ${it}" }
if (actual.keySet().any { it.contains('excludedByGroup') || it.contains('inAnExcludedGroup') }) problems << '  excludedGroups=broken did not hold'

def surefireFiles = files('reports-surefire'), distestFiles = files('reports-distest')
['TEST-TestSuite.xml', 'testng-results.xml'].each { if (!distestFiles.contains(it)) problems << "  distest did not write ${it}" }
def junitReports = { Set<String> all -> all.findAll { it.startsWith('junitreports/') } as TreeSet }
if (junitReports(surefireFiles) != junitReports(distestFiles)) problems << "  junitreports/ differ\n      Surefire: ${junitReports(surefireFiles)}\n      distest:  ${junitReports(distestFiles)}"
def extra = distestFiles - surefireFiles
if (extra) problems << "  files Surefire does not write: ${extra}"
// what describes one whole TestNG run cannot come from per-class runs: distest must say which it left out
def leftOut = (distestLog =~ /what describes one whole run is not written: (.*)/)
def named = leftOut ? leftOut[0][1].split(', ') as Set : [] as Set
(surefireFiles - distestFiles).each { if (!named.contains(it)) problems << "  ${it}: written by Surefire, neither by distest nor named as left out" }

def counts = { String dirName -> parity.testngCounts(new File(basedir, "target/${dirName}")) }
if (counts('reports-surefire') != counts('reports-distest')) problems << "  testng-results.xml counts\n      Surefire: ${counts('reports-surefire')}\n      distest:  ${counts('reports-distest')}"

if (problems) fail("distest differs from Surefire's TestNG provider:\n" + problems.join('\n'))
println "testng6: ${expected.size()} test cases, same verdicts, same summary (${summary(distestLog)}), ${distestFiles.size()} report files"
return true
