// Without a history the second local worker waits for the run's classes; a durations history that says the tests are
// short: 2*popen starts one worker and says why; 0 starts both; workers
// are dropped from the last spec backwards, so a gateway left without workers is never opened.
import groovy.json.JsonSlurper

File buildLog = new File(basedir, 'build.log')
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def parity = evaluate(new File(itSources, 'parity.groovy'))
def (first, lean, all, capped, mixed) = parity.builds(basedir, 5)
def tests = ['it.lean.AlphaTest # addsUp', 'it.lean.AlphaTest # printsItsWorker', 'it.lean.BravoTest # addsUp',
             'it.lean.BravoTest # printsItsWorker', 'it.lean.CharlieTest # addsUp', 'it.lean.CharlieTest # printsItsWorker'] as Set

[first, lean, all, capped, mixed].eachWithIndex { String log, int i ->
    String where = "build ${i + 1}"
    if (!log.contains('BUILD SUCCESS')) fail("${where}: the build failed")
    if (!log.contains('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0')) fail("${where}: wrong final summary")
    def verdicts = parity.verdicts(new File(basedir, "target/lean-${i + 1}"))
    if (verdicts.keySet() != tests || verdicts.values().flatten().any { it != 'passed' }) fail("${where}: reports hold ${verdicts}")
}
def started = { String log -> (log =~ /(?m)^\[INFO\] \[[\w.-]+\] \S+: Java \S+.* pid \d+, ready in/).size() }

// 1: no history yet: the second local worker waits for the run's classes, and three tiny ones never call it.
if (!first.contains('distest: 3 test classes on 2 workers (2*popen)')) fail('build 1: not a first run asking for two workers')
if (first.contains('workers started:')) fail('build 1: the budget left workers out without a history')
if (!first.contains("distest: no durations history yet: 1 of 2 workers starts now, the other once this run's classes"
        + ' show at least 3.0 s of tests for each (distest.minTestSecondsPerWorker)')) {
    fail('build 1: no line saying the second worker waits')
}
if (first.contains('more worker')) fail('build 1: the held worker started for three tiny classes')
if (started(first) != 1) fail("build 1: ${started(first)} workers started, expected 1")
if (!(first =~ /distest: .* of tests on 1 worker: efficiency/).find()) fail('build 1: the efficiency line is not over the 1 worker started')

// 2: the history knows all three classes, far below 3 s each: one worker, and the line that says why.
if (!(lean =~ /distest: 1 of 2 workers started: the durations history puts this run's tests at \d+\.\d s: 2 workers would get less than 3\.0 s each \(distest\.minTestSecondsPerWorker\); set it to 0 to start every worker/).find()) {
    fail('build 2: no line saying that 1 of 2 workers started and why')
}
if (!lean.contains('distest: 3 test classes on 1 worker (2*popen)')) fail('build 2: the run start-up line does not count 1 worker')
if (started(lean) != 1) fail("build 2: ${started(lean)} workers started, expected 1")
if (!(lean =~ /distest: .* of tests on 1 worker: efficiency/).find()) fail('build 2: the efficiency line is not over the 1 worker started')

// 3: distest.minTestSecondsPerWorker=0: every worker.
if (all.contains('workers started:') || started(all) != 2) fail("build 3: ${started(all)} workers started with the minimum at 0, expected 2")

// 4: 4*popen, every worker asked for, 3 classes: 3 workers, and the line that says why.
if (!capped.contains('distest: 3 of 4 workers started: only 3 test units to run')) fail('build 4: no line capping the workers at the units')
if (!capped.contains('distest: 3 test classes on 3 workers (4*popen)')) fail('build 4: the run start-up line does not count 3 workers')
if (started(capped) != 3) fail("build 4: ${started(capped)} workers started, expected 3")

// 5: popen,socket=127.0.0.1:9 on 1 worker: the socket spec loses its worker and is never opened (nothing listens there).
if (!mixed.contains('distest: 1 of 2 workers started: ')) fail('build 5: the socket spec\'s worker was not left out')
if (!mixed.contains('distest: 3 test classes on 1 worker (popen)')) fail('build 5: the run start-up line names more than the popen spec')
if (started(mixed) != 1) fail("build 5: ${started(mixed)} workers started, expected 1") // BUILD SUCCESS: port 9 was never tried
// the timeline (written last by build 5) has the one lane started
def run = new JsonSlurper().parse(new File(basedir, 'target/distest/run.json'))
if (run.summary.workers != 1 || run.lanes*.id != ['gw0']) fail("build 5: run.json has ${run.summary.workers} workers, lanes ${run.lanes*.id}")


// a project without Spring (or another shared fixture): its history is as before, three fields a line, no fixture lines
def history = new File(basedir, '.distest/durations.tsv').readLines().findAll { !it.startsWith('#') }
if (!history || history.any { it.split('\t', -1).size() != 3 || it.contains('(fixture start)') }) fail("history: ${history}")
