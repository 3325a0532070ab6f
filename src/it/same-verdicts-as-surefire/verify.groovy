// Surefire and distest ran the same project (all tests, then a -Dtest selection): same test cases, same verdicts.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

// build.log holds the four builds one after the other.
List<String> builds = buildLog.text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
if (builds.size() != 4) fail("expected the logs of 4 builds in build.log, found ${builds.size()}")
builds.eachWithIndex { String log, int i ->
    boolean distest = i % 2 == 1
    if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed")
    if (distest != log.contains('taken over by distest:test on 2*popen')) fail("build ${i + 1}: take-over line ${distest ? 'missing' : 'present'}")
    if (distest == (log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test \(default-test\)/).find()) fail("build ${i + 1}: Surefire ${distest ? 'ran' : 'did not run'}")
}

/** (classname, name) -> list of verdicts (a test case may legitimately be reported more than once only if Surefire does so too). */
def verdicts = { String dirName ->
    File dir = new File(basedir, "target/${dirName}")
    def files = (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }
    if (!files) fail("no TEST-*.xml in ${dir}")
    def result = new TreeMap<String, List<String>>()
    files.each { file ->
        new XmlSlurper().parse(file).testcase.each { tc ->
            String outcome
            if (tc.failure.size()) outcome = "failure ${tc.failure.@type} \"${tc.failure.@message}\""
            else if (tc.error.size()) outcome = "error ${tc.error.@type} \"${tc.error.@message}\""
            else if (tc.skipped.size()) outcome = 'skipped'
            else outcome = 'passed'
            result.computeIfAbsent("${tc.@classname} # ${tc.@name}".toString()) { [] } << outcome
        }
    }
    result.each { k, v -> v.sort() }
    return result
}
def summary = { String log ->
    def m = log =~ /(?m)^\[(?:INFO|WARNING|ERROR)\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)$/
    m ? m[-1][0].replaceFirst(/^\[\w+\] /, '') : null
}

def compare = { String what, String surefireDir, String distestDir, String surefireLog, String distestLog ->
    def expected = verdicts(surefireDir)
    def actual = verdicts(distestDir)
    def problems = []
    (expected.keySet() + actual.keySet()).each { id ->
        if (expected[id] != actual[id]) {
            problems << "  ${id}\n      Surefire: ${expected[id] ?: 'not reported'}\n      distest:  ${actual[id] ?: 'not reported'}"
        }
    }
    if (summary(surefireLog) != summary(distestLog)) {
        problems << "  summary line\n      Surefire: ${summary(surefireLog)}\n      distest:  ${summary(distestLog)}"
    }
    if (problems) return "${what}: distest's verdicts differ from Surefire's:\n" + problems.join('\n')
    println "${what}: ${expected.size()} test cases, same verdicts; ${summary(distestLog)}"
    return null
}

def differences = [compare('all tests', 'reports-surefire', 'reports-distest', builds[0], builds[1]),
                   compare('-Dtest selection', 'reports-surefire-selected', 'reports-distest-selected', builds[2], builds[3])]
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
