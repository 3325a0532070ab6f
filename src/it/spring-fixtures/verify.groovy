// Spring's cached contexts: the same verdicts as Surefire, no more context starts than its single fork once the history
// knows them (at most one more where a second worker pays for it), each context's classes back to back on one worker,
// and the history knows which classes share which context.
import groovy.json.JsonSlurper

File buildLog = new File(basedir, 'build.log')
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def parity = evaluate(new File(itSources, 'parity.groovy'))
def (surefire, first, planned, both) = parity.builds(basedir, 4)
def contexts = { String log -> (log =~ /Started [A-Z]\dTest in [0-9.]+ seconds/).size() }

if (!surefire.contains('BUILD SUCCESS') || surefire.contains('taken over by distest')) fail('build 1 is not Surefire alone')
[first, planned, both].eachWithIndex { String log, int i ->
    if (!log.contains('taken over by distest:test on 2*popen')) fail("build ${i + 2} was not taken over by distest")
    def difference = parity.compare(basedir, "build ${i + 2}", 'target/reports-surefire', "target/reports-distest-${i + 1}",
            surefire, log)
    if (difference) fail(difference)
}
if (contexts(surefire) != 2) fail("Surefire's single fork started ${contexts(surefire)} contexts, expected 2")
println "contexts started: Surefire ${contexts(surefire)}; distest first run ${contexts(first)}, with history ${contexts(planned)} and ${contexts(both)}"
if (contexts(planned) > 3) fail("build 3 started ${contexts(planned)} contexts: more than one more than Surefire's 2")
if (contexts(both) != 2) fail("build 4 started ${contexts(both)} contexts with both workers at hand, expected one per context (2)")
if (!(both =~ /distest: 6 classes use 2 Spring contexts \(or other shared fixtures\): they run on [12] workers?, each context's classes back to back/).find()) {
    fail('build 4 does not say how it grouped the classes')
}

// the history: the A classes share one context, the B classes another; the plain class none; each start measured
def lines = new File(basedir, '.distest/durations.tsv').readLines().findAll { !it.startsWith('#') }*.split('\t')
def fixtureOf = lines.findAll { it[1] == '' }.collectEntries { [(it[0] - 'it.spring.'): it.size() > 3 ? it[3] : ''] }
def a = fixtureOf.findAll { it.key.startsWith('A') }.values() as Set
def b = fixtureOf.findAll { it.key.startsWith('B') }.values() as Set
if (a.size() != 1 || b.size() != 1 || a == b || !(a[0] ==~ /spring:[0-9a-f]{16}/)) fail("history fixtures: ${fixtureOf}")
if (fixtureOf.PlainTest != '') fail("the plain class has a fixture: ${fixtureOf.PlainTest}")
def starts = lines.findAll { it[1] == '(fixture start)' }.collectEntries { [(it[0]): it[2] as long] }
if (!starts.keySet().containsAll(['spring', a[0], b[0]] as Set)) fail("history fixture starts: ${starts}")

// the timeline of build 4: each context's three classes one after another on one lane (two lanes or one: whether a
// second warm-up of Spring pays depends on what this machine measured)
def run = new JsonSlurper().parse(new File(basedir, 'target/distest/run.json'))
['A', 'B'].each { c ->
    def lanes = run.lanes.findAll { lane -> lane.bars.any { it.kind == 'unit' && it.label.startsWith("it.spring.${c}") } }
    if (lanes.size() != 1) fail("the ${c} classes ran on ${lanes*.id}: ${run.lanes.collect { it.bars*.label }}")
    def labels = lanes[0].bars.findAll { it.kind == 'unit' }*.label.collect { it - 'it.spring.' }
    def at = labels.findIndexValues { it.startsWith(c) }
    if (at.size() != 3 || at[-1] - at[0] != 2) fail("the ${c} classes are not back to back on ${lanes[0].id}: ${labels}")
}
println 'each context ran back to back on one lane'
