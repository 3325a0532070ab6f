// Local workers start beside clean's successors on the command line the last build's run used; the run takes them
// over only when it asks for exactly that command line, and nothing is left running after a build.
File buildLog = new File(basedir, 'build.log')
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def parity = evaluate(new File(itSources, 'parity.groovy'))
def (recorded, takenOver, changed, off) = parity.builds(basedir, 4)
def tests = ['it.standby.CompiledLaterTest # findsTheMainClassesCompiledAfterItsJvmStarted',
             'it.standby.CompiledLaterTest # seesTheClassPathAsSurefireGivesIt', 'it.standby.CompiledLaterTest # printsItsWorker',
             'it.standby.ResourceTest # readsATestResourceCopiedAfterItsJvmStarted', 'it.standby.ResourceTest # printsItsWorker'] as Set
def tookOver = ~/distest: (\d+) of the run's workers had started beside the build's earlier phases, on the last build's command line \(-Ddistest\.popen\.early=false: in the test phase\)/

[recorded, takenOver, changed, off].eachWithIndex { String log, int i ->
    String where = "build ${i + 1}"
    if (!log.contains('BUILD SUCCESS')) fail("${where}: the build failed")
    if (!log.contains('Tests run: 5, Failures: 0, Errors: 0, Skipped: 0')) fail("${where}: wrong final summary")
    if (!log.contains('distest: 2 test classes on 2 workers (2*popen)')) fail("${where}: not a run on two workers")
    def verdicts = parity.verdicts(new File(basedir, "reports/standby-${i + 1}"))
    if (verdicts.keySet() != tests || verdicts.values().flatten().any { it != 'passed' }) fail("${where}: reports hold ${verdicts}")
}

// 1: switched off: the workers start in the test phase; the launches are kept all the same.
if ((recorded =~ tookOver).find()) fail('build 1: a worker was taken over with -Ddistest.popen.early=false')
// 2: standby workers were waiting when the test phase came, and ran the classes compiled after they started. They
// start in turn, one per core beside the build's at a time, so how many were started by then depends on how long
// the compile took: at least the first.
def taken = takenOver =~ tookOver
if (!taken.find() || !(taken.group(1) as int in 1..2)) fail('build 2: the run took over no standby worker')
// 3: another argLine: no standby fits; the run's own workers have it.
if ((changed =~ tookOver).find()) fail('build 3: a standby started on the old command line was taken over')
if (!changed.contains('changed=yes')) fail('build 3: the tests did not run with the new argLine')
// 4: switched off again.
if ((off =~ tookOver).find()) fail('build 4: a worker was taken over with -Ddistest.popen.early=false')

// nothing of these builds waits on: every standby was taken over or ended with its run or module
def left = ['ps', '-eo', 'args'].execute().text.readLines().findAll { it.contains(' standby ') && it.contains(basedir.path) }
if (left) fail("standby JVMs left running: ${left}")
