// A Surefire 2.19.1 project run by its own Surefire, then by distest: the same test classes selected (AllTests and
// HelperTests by neither: 2.19.1 has no **/*Tests.java default), the same test cases, verdicts and report files.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> builds = parity.builds(basedir, 2)
builds.eachWithIndex { String log, int i ->
    boolean distest = i == 1
    if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed")
    if (distest != log.contains('taken over by distest:test on 2*popen')) fail("build ${i + 1}: take-over line ${distest ? 'missing' : 'present'}")
    if (distest == (log =~ /(maven-)?surefire(-plugin)?:2\.19\.1:test \(default-test\)/).find()) fail("build ${i + 1}: Surefire 2.19.1 ${distest ? 'ran' : 'did not run'}")
}

def reportFiles = { String dirName ->
    File dir = new File(basedir, "target/${dirName}")
    def files = (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }
    if (!files) fail("no TEST-*.xml in ${dir}")
    return files
}
/** (classname # name) -> verdicts, one per time the case was reported. */
def verdicts = { String dirName ->
    def result = new TreeMap<String, List<String>>()
    reportFiles(dirName).each { file ->
        new XmlSlurper().parse(file).testcase.each { tc ->
            String outcome = tc.failure.size() ? "failure ${tc.failure.@type}" : tc.error.size() ? "error ${tc.error.@type}"
                    : tc.skipped.size() ? 'skipped' : 'passed'
            result.computeIfAbsent("${tc.@classname} # ${tc.@name}".toString()) { [] } << outcome
        }
    }
    return result
}
/** Tests run / Failures / Errors / Skipped of the last summary line (Surefire 2.19.1 prints it without a level; Maven 4 as [INFO] [stdout]). */
def summary = { String log ->
    def m = log =~ /(?m)^(?:\[\w+\] )?(?:\[stdout\] )?Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)\s*$/
    m ? m[-1][1..4].join('/') : null
}

def surefire = verdicts('reports-surefire')
def distest = verdicts('reports-distest')
if (surefire != distest) {
    fail("distest's test cases differ from Surefire 2.19.1's:\n  Surefire: ${surefire}\n  distest:  ${distest}")
}
def names = { String dirName -> reportFiles(dirName)*.name.sort() }
if (names('reports-surefire') != names('reports-distest')) {
    fail("report files differ:\n  Surefire: ${names('reports-surefire')}\n  distest:  ${names('reports-distest')}")
}
if (summary(builds[0]) != summary(builds[1])) fail("summaries differ: Surefire ${summary(builds[0])}, distest ${summary(builds[1])}")

// what this scenario is about: the suite (and the *Tests class) is selected by neither, so no test runs twice
if (distest.keySet().any { it.contains('AllTests') || it.contains('HelperTests') }) fail("a *Tests class ran: ${distest.keySet()}")
if (distest.values().any { it.size() != 1 }) fail("a test case was reported more than once: ${distest}")
if (summary(builds[1]) != '5/1/0/1') fail("expected 5 tests, 1 failure, 1 skipped; distest: ${summary(builds[1])}")
println "Surefire 2.19.1 and distest: ${distest.size()} test cases, same verdicts, report files ${names('reports-distest')}"
return true
