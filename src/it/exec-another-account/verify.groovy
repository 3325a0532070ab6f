// distest ran the project as another local account through `exec=runuser -u nobody --`: Surefire's verdicts, the
// far side's files belong to nobody, and the second distest build sends no content.
def parity = evaluate(new File(itSources, 'parity.groovy'))
def builds = parity.builds(basedir, 3)
def fail = { String message -> throw new AssertionError(message + "\n(see ${new File(basedir, 'build.log')})") }
builds.eachWithIndex { String log, int i -> if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed") }
[1, 2].each { i ->
    if (!builds[i].contains('taken over by distest:test on 2*exec=runuser -u nobody --')) fail("build ${i + 1}: no take-over")
    if (!(builds[i] =~ /synced \d+ files/)) fail("build ${i + 1}: no sync line")
}
def differences = [parity.compare(basedir, 'all tests', 'target/reports-surefire', 'target/reports-distest', builds[0], builds[1]),
                   parity.compare(basedir, 'unchanged second run', 'target/reports-surefire', 'target/reports-distest-again', builds[0], builds[2])]
if (differences.any()) fail(differences.findAll().join('\n'))
if (!builds[2].contains('sent 0 files (0 B)')) fail('build 3: an unchanged project should send no content')
def owner = java.nio.file.Files.getAttribute(java.nio.file.Path.of('/tmp/distest-it-exec-nobody'), 'unix:uid')
if (owner != 65534) fail("the far-side cache belongs to uid ${owner}, not nobody")
return true
