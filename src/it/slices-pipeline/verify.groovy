// Replays a sliced pipeline as separate builds in separate copies of this project (target/pipeline/<round>/<job>),
// one after another as separate CI machines would run them, and checks the union of the slices against what Surefire
// and Failsafe wrote for the same project (invoker.properties' build, or a build of the changed copy in round 2).
//   round 1: no history; 3 slice jobs; the merge job writes the merged history and the timeline
//   round 2: that history restored in every job; a class added (unknown to the history), one removed
//   round 3: the merge catches a lost and a duplicated class, and a job that planned from another history
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.StandardCopyOption

def parity = evaluate(new File(itSources, 'parity.groovy'))
File pipeline = new File(basedir, 'target/pipeline')
def fail = { String message -> throw new AssertionError(message) }

// the outer build's Maven, local repository and settings, as the invoker's own builds use them
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
String outerRepository = System.getProperty('maven.repo.local') ?: new File(System.getProperty('user.home'), '.m2/repository').path
File settings = new File(pipeline, 'settings.xml')
pipeline.mkdirs()
settings.text = new File(itSources, 'settings.xml').text.replace('@localRepositoryUrl@', new File(outerRepository).toURI().toString())

/** Runs Maven in {@code dir}; returns its log, after checking its exit code. */
def build = { File dir, List<String> args, boolean succeed ->
    def command = [mvn.path, '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}".toString()] + args
    def process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
    ['CI_NODE_INDEX', 'CI_NODE_TOTAL'].each { process.environment().remove(it) } // the outer job's own slice
    File log = new File(dir, 'build.log')
    process.redirectOutput(log)
    int exit = process.start().waitFor()
    if ((exit == 0) != succeed) fail("${command.join(' ')} in ${dir} exited ${exit}:\n" + log.readLines().takeRight(40).join('\n'))
    log.text
}

/** A copy of the project (its POM and sources, nothing built) at {@code dir}, with {@code history} restored. */
def copy = { File dir, File history ->
    dir.mkdirs()
    Files.copy(new File(basedir, 'pom.xml').toPath(), new File(dir, 'pom.xml').toPath())
    File sources = new File(basedir, 'src')
    sources.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        File target = new File(dir, basedir.toPath().relativize(file.toPath()).toString())
        target.parentFile.mkdirs()
        Files.copy(file.toPath(), target.toPath())
    }
    if (history != null) {
        new File(dir, '.distest').mkdirs()
        Files.copy(history.toPath(), new File(dir, '.distest/durations.tsv').toPath())
    }
    dir
}

/** Every TEST-*.xml of the jobs' {@code reports} directories in one directory; a file twice is a failure. */
def union = { List<File> jobs, String reports, File into ->
    into.mkdirs()
    jobs.each { job ->
        (new File(job, "target/${reports}").listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.each { report ->
            File target = new File(into, report.name)
            if (target.exists()) fail("${report.name} was written by two slices")
            Files.copy(report.toPath(), target.toPath())
        }
    }
    into
}

/** Compares the union of the slices' reports with the oracle's: the same cases, outcomes and report files. */
def compareWithOracle = { String what, File oracle, List<File> jobs ->
    ['surefire-reports', 'failsafe-reports'].each { reports ->
        File merged = union(jobs, reports, new File(pipeline, "${what}-union/${reports}"))
        String problems = parity.compare(basedir, "${what} ${reports}",
                basedir.toPath().relativize(new File(oracle, "target/${reports}").toPath()).toString(),
                basedir.toPath().relativize(merged.toPath()).toString(), null, null)
        if (problems) fail(problems)
    }
}

def sliceLine = { String log, int k ->
    def lines = log.readLines().findAll { it.contains("distest: slice ${k}/3: ") }
    if (lines.size() != 2) fail("expected a slice line for the unit tests and one for the ITs, got ${lines}")
    lines[0].replaceFirst(/^.*distest: /, '')
}

def runSlices = { File round, File history ->
    (1..3).collect { k ->
        File job = copy(new File(round, "s${k}"), history)
        String log = build(job, ['verify', "-Ddistest.slice=${k}/3".toString(), '-Ddistest.n=1'], true)
        [job: job, log: log, line: sliceLine(log, k)]
    }
}

def merge = { File dir, List<File> jobs, boolean succeed ->
    String paths = jobs.collect { dir.toPath().relativize(new File(it, 'target').toPath()).toString() }.join(',')
    build(dir, ["io.distest:distest-maven-plugin:${projectVersion}:merge".toString(), "-Ddistest.merge=${paths}".toString()], succeed)
}

// ---- round 1: no history
File round1 = new File(pipeline, 'round1')
def jobs1 = runSlices(round1, null)
jobs1.each { if (!it.line.contains('no durations history: classes dealt in name order, history none')) fail("round 1: ${it.line}") }
compareWithOracle('round1', basedir, jobs1*.job)
File final1 = copy(new File(round1, 'merge'), null)
String merged1 = merge(final1, jobs1*.job, true)
['default-test: 3 of 3 slices agree on plan ', 'each of 8 classes ran in exactly one slice',
 'default: 3 of 3 slices agree on plan ', 'each of 2 classes ran in exactly one slice'].each {
    if (!merged1.contains(it)) fail("round 1 merge: no '${it}' in\n${merged1}")
}
File history1 = new File(final1, '.distest/durations.tsv')
def known1 = history1.readLines().findAll { !it.startsWith('#') }.collect { it.split('\t')[0] }.toSet()
def expected1 = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Removed'].collect { "it.slices.${it}Test".toString() } +
        ['it.slices.OneIT', 'it.slices.TwoIT']
if (known1 != expected1.toSet()) fail("round 1: the merged history knows ${known1}, not ${expected1}")
def run = new JsonSlurper().parse(new File(final1, 'target/distest/run.json'))
def groups = run.lanes*.group.unique()
if (groups.size() != 3 || groups.count { it.endsWith(' · slowest') } != 1) fail("round 1 timeline: lane groups ${groups}")
if (!(run.title ==~ /slices-pipeline · default-test · 3 slices · slowest: slice \d\/3, .* \(imbalance [+-]\d+ %\)/)) fail("round 1 timeline title: ${run.title}")
if (!new File(final1, 'target/distest/timeline.html').isFile()) fail('round 1: no merged timeline.html')

// ---- round 2: the merged history restored in every job; NewlyAddedTest is new, RemovedTest is gone
File round2 = new File(pipeline, 'round2')
def change = { File dir ->
    new File(dir, 'src/test/java/it/slices/RemovedTest.java').delete()
    new File(dir, 'src/test/java/it/slices/NewlyAddedTest.java').text =
            new File(dir, 'src/test/java/it/slices/GolfTest.java').text.replace('GolfTest', 'NewlyAddedTest')
    dir
}
File oracle2 = change(copy(new File(round2, 'oracle'), null))
build(oracle2, ['verify'], true)
def jobs2 = (1..3).collect { k ->
    File job = change(copy(new File(round2, "s${k}"), history1))
    String log = build(job, ['verify', "-Ddistest.slice=${k}/3".toString(), '-Ddistest.n=1'], true)
    [job: job, log: log, line: sliceLine(log, k)]
}
String historyHash = jobs2[0].line.replaceFirst(/.*, history (\S+?)\(.*/, '$1')
jobs2.each { job ->
    if (!(job.line ==~ /slice \d\/3: \d of 8 classes, expected \d+\.\d s \(slices \d+\.\d–\d+\.\d s\), 1 new to the history counted as its median class, history \S+\(\d{4}-\d\d-\d\d\), plan \S+/)) {
        fail("round 2: ${job.line}")
    }
    if (!job.line.contains("history ${historyHash}(")) fail("round 2: the jobs logged different history hashes: ${jobs2*.line}")
}
compareWithOracle('round2', oracle2, jobs2*.job)
File final2 = copy(new File(round2, 'merge'), history1)
String merged2 = merge(final2, jobs2*.job, true)
if (!merged2.contains('each of 8 classes ran in exactly one slice; slowest slice ')) fail("round 2 merge:\n${merged2}")
def known2 = new File(final2, '.distest/durations.tsv').readLines().findAll { !it.startsWith('#') }.collect { it.split('\t')[0] }.toSet()
if (!known2.contains('it.slices.NewlyAddedTest') || known2.contains('it.slices.RemovedTest')) fail("round 2: the merged history knows ${known2}")

// ---- round 3: what the merge must catch
File lostReport = new File(jobs2[1].job, 'target/surefire-reports').listFiles().find { it.name ==~ /TEST-.*\.xml/ }
String lost = lostReport.name.replaceFirst(/^TEST-/, '').replaceFirst(/\.xml$/, '')
lostReport.delete()
File twiceReport = new File(jobs2[0].job, 'target/surefire-reports').listFiles().find { it.name ==~ /TEST-.*\.xml/ }
String twice = twiceReport.name.replaceFirst(/^TEST-/, '').replaceFirst(/\.xml$/, '')
Files.copy(twiceReport.toPath(), new File(jobs2[2].job, "target/surefire-reports/${twiceReport.name}").toPath())
String caught = merge(final2, jobs2*.job, false)
if (!caught.contains("1 of 8 selected classes have no result in any slice's reports: ${lost} (slice 2)")) fail("round 3: the lost ${lost} was not named:\n${caught}")
if (!caught.contains("1 of 8 selected classes ran in more than one slice: ${twice} (../s1/target (slice 1/3), ../s3/target (slice 3/3))")) fail("round 3: the duplicated ${twice} was not named:\n${caught}")
// a job that did not restore the cache plans from no history: the merge names the disagreement
File stray = change(copy(new File(round2, 's3-without-cache'), null))
String strayLog = build(stray, ['verify', '-Ddistest.slice=3/3', '-Ddistest.n=1'], true)
if (!sliceLine(strayLog, 3).contains('history none')) fail("round 3: the job without cache: ${sliceLine(strayLog, 3)}")
String disagree = merge(final2, [jobs2[0].job, jobs2[1].job, stray], false)
if (!disagree.contains('the slices disagree on the plan: ../s1/target (slice 1/3) and ../s3-without-cache/target (slice 3/3) differ in durations history ')) {
    fail("round 3: the disagreement was not named:\n${disagree}")
}
println "pipeline replayed: ${jobs1*.line}\n${jobs2*.line}"
true
