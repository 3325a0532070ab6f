// The jobs of invoker.properties: each CI's variables give the slice; each module is sliced on its own plan.
def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> logs = parity.builds(basedir, 9)
def fail = { String message -> throw new AssertionError(message + "\n(see ${new File(basedir, 'build.log')})") }
def sliceLines = { String log -> log.readLines().findAll { it.contains('distest: slice ') }.collect { it.replaceFirst(/^.*distest: /, '') } }
def expectSlices = { int build, String many, String few ->
    def lines = sliceLines(logs[build - 1])
    if (lines.size() != 2 || !lines[0].startsWith(many) || !lines[1].startsWith(few)) {
        fail("build ${build}: expected slice lines starting '${many}' and '${few}', got ${lines}")
    }
    if (!logs[build - 1].contains('BUILD SUCCESS')) fail("build ${build} did not succeed")
}
// the plan is by name without a history: many's Alpha, Charlie in slice 1 of 2, Bravo, Delta in 2; few's Only in 1
expectSlices(1, 'slice 2/2: 2 of 4 classes', 'slice 2/2: 0 of 1 classes (more slices than classes): nothing to run')
if (!logs[0].contains('Running it.slices.many.BravoTest') || logs[0].contains('Running it.slices.many.AlphaTest')) {
    fail('GitLab\'s job 2 of 2 did not run Bravo and Delta')
}
expectSlices(2, 'slice 1/2: 2 of 4 classes', 'slice 1/2: 1 of 1 classes')
expectSlices(3, 'slice 2/2: 2 of 4 classes', 'slice 2/2: 0 of 1 classes')
expectSlices(4, 'slice 1/3: 2 of 4 classes', 'slice 1/3: 1 of 1 classes')
expectSlices(5, 'slice 3/3: 1 of 4 classes', 'slice 3/3: 0 of 1 classes')
if (!logs[4].contains('No tests to run.')) fail('build 5: the module without tests in its slice did not say so')
if (!logs[4].contains("GitLab's CI_NODE_INDEX=3 and CI_NODE_TOTAL=3 make this job slice 3/3 (-Ddistest.slice=none runs every test")) {
    fail('build 5: the slice GitLab\'s variables made is not explained')
}
['CI_NODE_INDEX/CI_NODE_TOTAL (GitLab)', 'CIRCLE_NODE_INDEX/CIRCLE_NODE_TOTAL (CircleCI)',
 'BUILDKITE_PARALLEL_JOB/BUILDKITE_PARALLEL_JOB_COUNT (Buildkite)',
 'SYSTEM_JOBPOSITIONINPHASE/SYSTEM_TOTALJOBSINPHASE (Azure Pipelines)'].each {
    if (!logs[5].contains(it)) fail("build 6: the error does not name ${it}")
}
if (!logs[6].contains('distest.slice="5/4" is out of range: K counts from 1 to N (4 here)')) fail('build 7: no range error')
expectSlices(8, 'slice 6/6: 0 of 4 classes (more slices than classes)', 'slice 6/6: 0 of 1 classes')
if (!logs[8].contains('No tests to run! (failIfNoTests is set)')) fail('build 9: failIfNoTests did not fail the empty slice')
// every job of a module wrote the same plan's record: the last successful one (build 8) of both modules
['many', 'few'].each { module ->
    File record = new File(basedir, "${module}/target/distest/slice-plan-default-test.tsv")
    if (!record.isFile()) fail("no ${record}")
    if (!record.text.contains('slice\t6/6')) fail("${record} is not slice 6/6's")
}
true
