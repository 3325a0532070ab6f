// excludeJUnit5Engines and excludedEnvironmentVariables, run by Surefire 3.5.4 and by distest: the same tests run.

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> builds = parity.builds(basedir, 2)
parity.surefireThenDistest(builds, '2*popen', fail)
def cases = { String dirName -> parity.cases(new File(basedir, "target/${dirName}")) }
def surefire = cases('reports-surefire')
def distest = cases('reports-distest')
if (surefire != distest) fail("distest's test cases differ from Surefire's:\n  Surefire: ${surefire}\n  distest:  ${distest}")
if (distest.size() != 2 || distest.any { it.contains('LegacyTest') || !it.endsWith(': passed') }) {
    fail("expected the two passing EnvironmentTest cases and no LegacyTest, distest ran ${distest}")
}
if (builds[1] =~ /(?m)^  - .*(excludeJUnit5Engines|excludedEnvironmentVariables)/) fail('distest warned about a setting it honours')
def names = { String dirName -> parity.reportFiles(new File(basedir, "target/${dirName}")) }
if (names('reports-surefire') != names('reports-distest')) {
    fail("report files differ:\n  Surefire: ${names('reports-surefire')}\n  distest:  ${names('reports-distest')}")
}
println "engine filter and excluded environment: Surefire and distest ran ${distest}"
return true
