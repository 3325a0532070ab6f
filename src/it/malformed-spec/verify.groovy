// A malformed tx spec fails the build at once, quoting the spec, pointing at the bad part, showing the syntax.
File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

List<String> builds = buildLog.text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
if (builds.size() != 2) fail("expected the logs of 2 builds in build.log, found ${builds.size()}")

def expectations = [
    [spec: '3*popn', bad: 'popn', why: 'unknown gateway kind'],
    [spec: '2*popen//colour=red', bad: 'colour', why: 'unknown key "colour"'],
]
builds.eachWithIndex { String log, int i ->
    def e = expectations[i]
    String where = "build ${i + 1} (${e.spec})"
    if (!log.contains("Invalid tx spec \"${e.spec}\"")) fail("${where}: no message quoting the spec as Invalid tx spec \"${e.spec}\"")
    if (!log.contains(e.why)) fail("${where}: the message does not say \"${e.why}\"")
    // The spec on a line of its own, then carets under exactly the bad part.
    List<String> lines = log.readLines().collect { it.replaceFirst(/^\[\w+\] ?/, '') }
    int specLine = lines.findIndexOf { it.trim() == e.spec }
    if (specLine < 0) fail("${where}: the spec is not quoted on a line of its own")
    String caretLine = lines[specLine + 1]
    if (!(caretLine ==~ /\s*\^+\s*/)) fail("${where}: no caret line under the spec, found \"${caretLine}\"")
    int column = lines[specLine].indexOf(e.spec) + e.spec.indexOf(e.bad)
    if (caretLine.indexOf('^') != column || caretLine.trim().length() != e.bad.length()) {
        fail("${where}: the carets do not underline \"${e.bad}\":\n${lines[specLine]}\n${caretLine}")
    }
    if (!(log =~ /Accepted: \[N\*\]popen .*\/\/java=PATH/)) fail("${where}: no \"Accepted:\" syntax line")
    if (log.contains('T E S T S') || log =~ /\[gw\d+\]/ || log.contains('Compiling')) fail("${where}: the build went on after the malformed spec")
}
if (new File(basedir, 'target').exists()) fail('the build created target/ although it should have stopped before any plugin ran')
return true
