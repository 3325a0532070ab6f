// dependenciesToScan run by Surefire and by distest: the runner module runs its own test and those shipped in the
// shared-tests jar, with the same test cases, verdicts and report files.

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> builds = parity.builds(basedir, 2)
builds.eachWithIndex { String log, int i ->
    boolean distest = i == 1
    if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed")
    if (distest != log.contains('runner: maven-surefire-plugin:test (default-test) taken over by distest:test on 2*popen')) {
        fail("build ${i + 1}: take-over line ${distest ? 'missing' : 'present'}")
    }
    if (distest == (log =~ /(maven-)?surefire(-plugin)?:3\.5\.4:test \(default-test\) @ runner/).find()) fail("build ${i + 1}: Surefire ${distest ? 'ran' : 'did not run'}")
}
if (builds[1] =~ /(?m)^  - .*dependenciesToScan/) fail('distest warned about dependenciesToScan: it should honour it')

def reportFiles = { String dirName ->
    File dir = new File(basedir, "runner/target/${dirName}")
    def files = (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }
    if (!files) fail("no TEST-*.xml in ${dir}")
    return files
}
def verdicts = { String dirName -> parity.verdicts(new File(basedir, "runner/target/${dirName}")) }
def surefire = verdicts('reports-surefire')
def distest = verdicts('reports-distest')
if (surefire != distest) fail("distest's test cases differ from Surefire's:\n  Surefire: ${surefire}\n  distest:  ${distest}")
def names = { String dirName -> reportFiles(dirName)*.name.sort() }
if (names('reports-surefire') != names('reports-distest')) {
    fail("report files differ:\n  Surefire: ${names('reports-surefire')}\n  distest:  ${names('reports-distest')}")
}
def expectedFiles = ['TEST-it.runner.LocalTest.xml', 'TEST-it.shared.MoreSharedTests.xml', 'TEST-it.shared.SharedContractTest.xml']
if (names('reports-distest') != expectedFiles) fail("expected reports ${expectedFiles}, distest wrote ${names('reports-distest')}")
if (!distest.values().flatten().any { it.startsWith('failure') } || !distest.values().flatten().contains('skipped')) {
    fail("the shared jar's failing and disabled tests are not reported as such: ${distest}")
}
println "dependenciesToScan: Surefire and distest, ${distest.size()} test cases, same verdicts, reports ${names('reports-distest')}"
return true
