// System.exit(3) in a test: that test is an error naming the worker and the exit code, the worker's last output is
// quoted and kept, a replacement worker starts and runs classes, and every other class still runs completely.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def problems = []
def check = { boolean ok, String message -> if (!ok) problems << message }

File reports = new File(basedir, 'target/surefire-reports')
def parse = { String c ->
    File f = new File(reports, "TEST-${c}.xml")
    if (!f.isFile()) fail("no report ${f.name}; build.log says:\n" + log.readLines().findAll { it.contains('ERROR') }.take(5).join('\n'))
    new XmlSlurper().parse(f)
}

check(log.contains('BUILD SUCCESS'), 'the build did not pass although maven.test.failure.ignore=true (a crash is a test error)')
check(log.contains('Tests run: 15, Failures: 0, Errors: 1, Skipped: 0'), 'wrong final summary: expected 15 tests with 1 error (the exiting one)')

def exiting = parse('it.exit.AExitingTest')
String worker = exiting.properties.property.find { it.@name.text() == 'distest.worker' }.@value.text()
def byName = exiting.testcase.collectEntries { [(it.@name.text()): it] }
def first = byName['passesBeforeTheExit']
check(first != null && !first.error.size() && !first.failure.size() && !first.skipped.size(), 'passesBeforeTheExit (run before the exit) is not reported as passed')
def exited = byName['exitsTheJvm']
if (exited == null || exited.error.size() != 1) fail('exitsTheJvm is not reported as an error')
String message = exited.error.@message.text()
check(message =~ /\bgw\d+\b/ && message.contains(worker), "the error does not name the worker ${worker}: \"${message}\"")
check(message.contains('exit code 3'), "the error does not give the exit code 3: \"${message}\"")
check((exited.error.text() + message).contains('last words of the dying worker'),
        "the crash report does not quote the worker's last output (\"last words of the dying worker\", written to its stderr):\n${exited.error.text()}")
check(exited.'system-out'.text().contains("about to exit on ${worker}"), 'the exiting test\'s own output is not in its system-out')
def rest = byName['runsOnAnotherWorkerAfterTheCrash']
check(rest != null && !rest.error.size() && !rest.failure.size() && !rest.skipped.size(),
        'the test after the exit was not rescheduled and passed on another worker')

// The JVM output file the crash report names still holds the dead worker's output (not overwritten by its replacement).
def logPath = (message =~ /(\/\S+?\.log)\b/)
if (!logPath) {
    problems << "the crash report does not name the dead worker's output file: \"${message}\""
} else {
    File jvmLog = new File(logPath[0][1])
    check(jvmLog.isFile() && jvmLog.text.contains('last words of the dying worker'),
            "${jvmLog} (named in the crash report as the dead worker's output) no longer holds its last output, it holds: " +
            "\"${jvmLog.isFile() ? jvmLog.text.take(300) : 'nothing (missing)'}\"")
}

def survivorPids = [] as Set
['B', 'C', 'D', 'E'].each { c ->
    def suite = parse("it.exit.${c}SurvivorTest")
    def names = suite.testcase.collect { it.@name.text() } as Set
    check(names == ['one', 'two', 'three'] as Set, "${c}SurvivorTest report is incomplete: ${names}")
    suite.testcase.each { tc ->
        check(!tc.error.size() && !tc.failure.size() && !tc.skipped.size(), "${c}SurvivorTest.${tc.@name} did not pass: ${tc.error.@message}${tc.failure.@message}")
        def pid = tc.'system-out'.text() =~ /pid=(\d+)/
        if (pid) survivorPids << pid[0][1]
    }
}

// A replacement for the dead worker started and ran surviving classes (Survivors makes the run need it).
String deadPid = (message =~ /pid (\d+)/) ? (message =~ /pid (\d+)/)[0][1] : null
check((log =~ /(?i)replacement for ${worker}\b/).find(), "the log does not say that a replacement for ${worker} was started")
def startups = (log =~ /(?m)\[(gw\d+)\] 2\*popen: Java \S+.* pid (\d+), ready in/).collect { [it[1], it[2]] }
def replacement = startups.find { it[0] == worker && it[1] != deadPid }
if (replacement == null) {
    problems << "no start-up line for a replacement ${worker} (start-up lines: ${startups})"
} else {
    check(survivorPids.contains(replacement[1]), "the replacement ${worker} (pid ${replacement[1]}) ran no class; survivors ran in JVMs ${survivorPids}")
}

if (problems) fail(problems.join('\n'))
return true
