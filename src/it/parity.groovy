// Shared by the parity scenarios: compares what Surefire and distest wrote for the same project.
// Use from a verify.groovy:  def parity = evaluate(new File(itSources, 'parity.groovy'))
// then parity.builds(basedir, n), parity.compare(basedir, surefireDir, distestDir, surefireLog, distestLog).
import groovy.xml.XmlSlurper

def slurper = { ->
    def s = new XmlSlurper()
    s.setFeature('http://apache.org/xml/features/disallow-doctype-decl', false)
    s
}

/** The build logs of the invoker.goals.N builds, in order (build.log holds them one after the other). */
def builds = { File basedir, int expected ->
    String text = new File(basedir, 'build.log').text
    List<String> logs = text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
    if (logs.size() != expected) throw new AssertionError("expected the logs of ${expected} builds in build.log, found ${logs.size()}")
    logs
}

/** (classname # name) -> sorted outcomes, from every TEST-*.xml in a directory. */
def verdicts = { File dir ->
    def files = (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }
    if (!files) throw new AssertionError("no TEST-*.xml in ${dir}")
    def result = new TreeMap<String, List<String>>()
    files.each { file ->
        slurper().parse(file).testcase.each { tc ->
            String outcome
            if (tc.failure.size()) outcome = "failure ${tc.failure.@type} \"${tc.failure.@message}\""
            else if (tc.error.size()) outcome = "error ${tc.error.@type} \"${tc.error.@message}\""
            else if (tc.skipped.size()) outcome = 'skipped'
            else outcome = 'passed'
            // re-runs (rerunFailingTestsCount): a flake passed after failing; a failure failed again
            int flaky = tc.flakyFailure.size() + tc.flakyError.size()
            int reruns = tc.rerunFailure.size() + tc.rerunError.size()
            if (flaky) outcome += " flakyx${flaky}"
            if (reruns) outcome += " rerunsx${reruns}"
            result.computeIfAbsent("${tc.@classname} # ${tc.@name}".toString()) { [] } << outcome
        }
    }
    result.each { k, v -> v.sort() }
    result
}

def reportFiles = { File dir -> new TreeSet((dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }*.name) }

/** Every file below a reports directory (TestNG's own reports included), as relative paths. */
def allFiles = { File dir ->
    def names = new TreeSet<String>()
    dir.eachFileRecurse(groovy.io.FileType.FILES) { names << dir.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
    names
}

/** total/passed/failed/skipped of TestNG's own testng-results.xml in a reports directory. */
def testngCounts = { File dir ->
    def results = slurper().parse(new File(dir, 'testng-results.xml'))
    ['total', 'passed', 'failed', 'skipped'].collect { "${it}=${results.@"${it}"}" }.join(' ')
}

def summary = { String log ->
    def m = log =~ /(?m)^\[(?:INFO|WARNING|ERROR)\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)(?:, Flakes: (\d+))?$/
    m ? m[-1][0] : null // with its level: Surefire 3.5.5 logs a summary with skipped tests only at INFO
}

/** Returns null when distest wrote what Surefire wrote (cases, verdicts, file names, summary), else the differences. */
def compare = { File basedir, String what, String surefireDir, String distestDir, String surefireLog, String distestLog ->
    File expectedDir = new File(basedir, surefireDir)
    File actualDir = new File(basedir, distestDir)
    def expected = verdicts(expectedDir)
    def actual = verdicts(actualDir)
    def problems = []
    (expected.keySet() + actual.keySet()).each { id ->
        if (expected[id] != actual[id]) {
            problems << "  ${id}\n      Surefire: ${expected[id] ?: 'not reported'}\n      distest:  ${actual[id] ?: 'not reported'}"
        }
    }
    if (reportFiles(expectedDir) != reportFiles(actualDir)) {
        problems << "  report files\n      Surefire: ${reportFiles(expectedDir)}\n      distest:  ${reportFiles(actualDir)}"
    }
    if (surefireLog != null && summary(surefireLog) != summary(distestLog)) {
        problems << "  summary line\n      Surefire: ${summary(surefireLog)}\n      distest:  ${summary(distestLog)}"
    }
    if (problems) return "${what}: distest's reports differ from Surefire's:\n" + problems.join('\n')
    println "${what}: ${expected.size()} test cases in ${reportFiles(actualDir).size()} files, same as Surefire; ${summary(distestLog)}"
    null
}

/** Each report file's <testsuite> counts (tests, errors, skipped, failures, flakes; '-' for an attribute not written). */
def suiteCounts = { File dir ->
    new TreeMap((dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.collectEntries { file ->
        def tag = (file.text =~ /<testsuite [^>]*>/)[0]
        [(file.name): ['tests', 'errors', 'skipped', 'failures', 'flakes'].collect { a ->
            def value = tag =~ /\b${a}="(\d+)"/
            "${a}=" + (value ? value[0][1] : '-')
        }.join(' ')]
    })
}

/** Each report file's cases: name, classname and elements with their attributes (times and texts left out). */
def caseShapes = { File dir ->
    new TreeMap((dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.collectEntries { file ->
        [(file.name): slurper().parse(file).testcase.collect { tc ->
            "${tc.@name}/${tc.@classname}: " + tc.children().findAll { !(it.name() in ['system-out', 'system-err']) }
                    .collect { el -> el.name() + el.attributes().findAll { k, v -> k != 'time' }.sort().toString() }.join(' ')
        }]
    })
}

/** Returns null when distest's <testsuite> counts and <testcase> elements are Surefire's, else the differences. */
def compareShapes = { File basedir, String what, String surefireDir, String distestDir ->
    File expectedDir = new File(basedir, surefireDir)
    File actualDir = new File(basedir, distestDir)
    def problems = []
    if (suiteCounts(expectedDir) != suiteCounts(actualDir)) {
        problems << "  <testsuite> counts\n      Surefire: ${suiteCounts(expectedDir)}\n      distest:  ${suiteCounts(actualDir)}"
    }
    def expected = caseShapes(expectedDir)
    def actual = caseShapes(actualDir)
    (expected.keySet() + actual.keySet()).each { file ->
        if (expected[file] != actual[file]) {
            problems << "  ${file}\n      Surefire: ${expected[file]}\n      distest:  ${actual[file]}"
        }
    }
    if (problems) return "${what}: distest's report elements differ from Surefire's:\n" + problems.join('\n')
    println "${what}: <testsuite> counts and <testcase> elements as Surefire's"
    null
}

/**
 * Build 1 ran Surefire 3.5.4's default-test; build 2 was taken over by distest on {@code tx} and Surefire did not run;
 * both succeeded (failures are ignored in both). {@code fail} gets what did not hold.
 */
def surefireThenDistest = { List<String> logs, String tx, Closure fail ->
    def surefireRan = { String log -> (log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test \(default-test\)/).find() }
    logs.eachWithIndex { String log, int i -> if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed") }
    if (!surefireRan(logs[0]) || logs[0].contains('taken over by distest')) fail('build 1 did not run Surefire alone')
    if (!logs[1].contains("taken over by distest:test on ${tx}")) fail('build 2 was not taken over by distest')
    if (surefireRan(logs[1])) fail('Surefire ran in build 2')
}

/** "classname # name: outcome" of every case in {@code dir} (the outcome without the failure's type and message). */
def cases = { File dir ->
    new TreeSet<String>(verdicts(dir).collectMany { id, outcomes ->
        outcomes.collect { "${id}: ${it.tokenize(' ')[0]}".toString() }
    })
}

[builds: builds, verdicts: verdicts, reportFiles: reportFiles, allFiles: allFiles, testngCounts: testngCounts,
 summary: summary, compare: compare, surefireThenDistest: surefireThenDistest, cases: cases, suiteCounts: suiteCounts,
 compareShapes: compareShapes]
