// Every run writes target/distest/timeline.html (self-contained) and run.json; the efficiency line ends with the page.
import groovy.json.JsonSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
String log = buildLog.text
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

if (!log.contains('BUILD SUCCESS')) fail('the build did not succeed')
def line = log.readLines().find { it.contains('distest: ') && it.contains(' efficiency ') }
if (line == null) fail('no efficiency line')
if (!(line ==~ /.*; timeline: \S*target[\/\\]distest[\/\\]timeline\.html/)) fail("the efficiency line does not end with the page: ${line}")

File page = new File(basedir, 'target/distest/timeline.html')
File json = new File(basedir, 'target/distest/run.json')
if (!page.isFile()) fail("no ${page}")
if (!json.isFile()) fail("no ${json}")
String html = page.text
if (html =~ /(src|href)="(https?:)?\/\//) fail('the page refers to something on the network')

def run = new JsonSlurper().parse(json)
if (run.version != 1) fail("run.json version ${run.version}")
if (run.summary.workers != 2) fail("run.json summary.workers ${run.summary.workers}")
if (run.lanes*.id.sort() != ['gw0', 'gw1']) fail("lanes ${run.lanes*.id}")
def units = run.lanes.collectMany { lane -> lane.bars.findAll { it.kind == 'unit' } }
if (units*.label.sort() != ['it.timeline.AlphaTest', 'it.timeline.BravoTest', 'it.timeline.CharlieTest']) {
    fail("unit bars ${units*.label}")
}
if (units.any { it.outcome != 'passed' || it.tests != 1 }) fail("outcomes ${units}")
if (run.lanes.any { lane -> !lane.bars.any { it.kind == 'jvm' } }) fail('a lane without its JVM start-up')
// the page carries the same model
if (!html.contains(json.text.trim())) fail('the page does not carry run.json')
println "timeline.html ${page.length()} bytes, run.json ${json.length()} bytes"
