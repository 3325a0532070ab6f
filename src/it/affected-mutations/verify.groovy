// Mutation proof of distest.affected: in a copy of this project (target/mutations), one change at a time, each of a
// shape affected-test selection must see (a transitive call, reflection by a computed name, a ServiceLoader file and
// its implementation, a resource, an inherited method and an override added under it, an interface default method,
// an enum constant body, a @BeforeAll helper, a cache made by another test class in the same JVM, an anonymous class,
// a static field, a @Nested class, a file of the module read directly, a changed test class, a new test class). For each: Surefire runs everything (the
// oracle); distest.affected on one worker must run every class Surefire saw fail, with the same verdicts, and must
// leave out the class no change touches. Unchanged reruns run nothing.
import java.nio.file.Files

File work = new File(basedir, 'target/mutations')
def fail = { String message -> throw new AssertionError(message) }
// the Maven the invoker runs the ITs on (another one under .ci/other-mavens), else the outer build's
String itHome = binding.hasVariable('itMavenHome') ? itMavenHome : null
File mvn = new File(itHome && !itHome.contains('$') ? itHome : System.getProperty('maven.home'), 'bin/mvn')
println "affected-mutations: builds run on ${mvn}"
String outerRepository = System.getProperty('maven.repo.local') ?: new File(System.getProperty('user.home'), '.m2/repository').path
work.mkdirs()
File settings = new File(work, 'settings.xml')
settings.text = new File(itSources, 'settings.xml').text.replace('@localRepositoryUrl@', new File(outerRepository).toURI().toString())

File project = new File(work, 'project')
project.mkdirs()
Files.copy(new File(basedir, 'pom.xml').toPath(), new File(project, 'pom.xml').toPath())
new File(basedir, 'src').eachFileRecurse(groovy.io.FileType.FILES) { file ->
    File target = new File(project, basedir.toPath().relativize(file.toPath()).toString())
    target.parentFile.mkdirs()
    Files.copy(file.toPath(), target.toPath())
}

int builds = 0
def build = { List<String> args ->
    File log = new File(work, "build-${++builds}.log")
    def command = [mvn.path, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}".toString(),
                   '-Dmaven.test.failure.ignore=true', 'test'] + args
    new File(project, 'target/surefire-reports').deleteDir()
    int exit = new ProcessBuilder(command).directory(project).redirectErrorStream(true).redirectOutput(log).start().waitFor()
    if (exit != 0) fail("${command.join(' ')} exited ${exit}:\n" + log.readLines().takeRight(40).join('\n'))
    log.text
}
/**
 * Top-level classes with a failed or erring test, from the build's summary lines (Surefire's reports of a @Nested
 * class say 0 tests for the outer class: the console is what both tools print alike).
 */
def failing = { String log ->
    (log =~ /Tests run: .*<<< (?:FAILURE|ERROR)! -- in ([\w.$]+)/).collect { it[1].replaceAll(/\$.*/, '') }.toSet()
}
def surefire = { failing(build([])) }
def affected = {
    String log = build(['-Ddistest.tx=popen', '-Ddistest.affected=true'])
    def ran = new File(project, 'target/distest/affected.txt').readLines().findAll { it.startsWith('run\t') }
            .collect { it.split('\t')[1] }.toSet()
    [log: log, ran: ran, failing: failing(log)]
}

// the first run records everything; an unchanged rerun runs nothing
def first = affected()
if (!first.failing.isEmpty()) fail("the unchanged project fails: ${first.failing}")
def again = affected()
if (!again.ran.isEmpty() || !again.log.contains('distest: 15 of 15 test classes not affected by the change, not run')) {
    fail("an unchanged rerun ran ${again.ran}:\n" + again.log.readLines().findAll { it.contains('distest') }.join('\n'))
}

def mutations = [
    ['a transitive call', 'src/main/java/sample/MathCore.java', 'return a + b;', 'return a - b;'],
    ['reflection by a computed name', 'src/main/java/sample/GreeterImpl.java', '"hello"', '"hullo"'],
    ['a ServiceLoader file', 'src/main/resources/META-INF/services/sample.Shape', 'sample.Square', 'sample.Triangle'],
    ['a ServiceLoader implementation', 'src/main/java/sample/Square.java', 'return 4;', 'return 5;'],
    ['a resource file', 'src/main/resources/greeting.txt', 'good morning', 'good evening'],
    ['an inherited method', 'src/main/java/sample/Base.java', 'return 7;', 'return 8;'],
    ['an override added to a subclass', 'src/main/java/sample/Child.java', 'extends Base {', 'extends Base {\n    @Override\n    public int value() {\n        return 9;\n    }'],
    ['an interface default method', 'src/main/java/sample/Named.java', '"named"', '"nameless"'],
    ['an enum constant body', 'src/main/java/sample/Op.java', 'return a + b;', 'return a + b + 1;'],
    ['a @BeforeAll helper', 'src/main/java/sample/Fixture.java', '"ready"', '"not ready"'],
    ['a cache made by another test class', 'src/main/java/sample/Registry.java', '("answer", 42)', '("answer", 41)'],
    ['an anonymous class', 'src/main/java/sample/Sorting.java', 'compare(a.length(), b.length())', 'compare(b.length(), a.length())'],
    ['a static field', 'src/main/java/sample/Limits.java', 'List.of(1, 10, 100)', 'List.of(1, 10, 100, 1000)'],
    ['a @Nested class\'s helper', 'src/main/java/sample/Helper.java', 'return true;', 'return false;'],
    ['a file read from the module directory', 'src/test/data/expected.txt', '42', '43'],
    ['a changed test class', 'src/test/java/sample/CalcTest.java', 'assertEquals(5,', 'assertEquals(6,'],
]
File added = new File(project, 'src/test/java/sample/NewTest.java')
Closure undo = {}
def results = []
mutations.each { name, path, from, to ->
    undo()
    File file = new File(project, path)
    String original = file.text
    if (!original.contains(from)) fail("${path} does not hold '${from}'")
    file.text = original.replace(from, to)
    undo = { file.text = original }
    def oracle = surefire()
    if (oracle.isEmpty()) fail("${name}: no class fails under Surefire; the change proves nothing")
    def run = affected()
    if (!run.ran.containsAll(oracle)) fail("${name}: ${oracle - run.ran} failed under Surefire but were not run")
    if (run.failing != oracle) fail("${name}: Surefire failed ${oracle}, distest.affected ${run.failing}")
    if (run.ran.contains('sample.IndependentTest')) fail("${name}: the independent class ran")
    results << "${name}: Surefire failed ${oracle.sort()}; affected ran ${run.ran.size()} of 15 ${run.ran.sort()}"
}
undo()
added.text = 'package sample;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\nimport org.junit.jupiter.api.Test;\n\n' +
        'class NewTest {\n    @Test\n    void fails() {\n        assertEquals(1, 2);\n    }\n}\n'
def oracle = surefire()
def run = affected()
if (oracle != ['sample.NewTest'].toSet() || run.failing != oracle || !run.ran.contains('sample.NewTest')) {
    fail("a new test class: Surefire failed ${oracle}, distest.affected ran ${run.ran} and failed ${run.failing}")
}
results << "a new test class: Surefire failed ${oracle}; affected ran ${run.ran.size()} of 16 ${run.ran.sort()}"
added.delete()
affected() // the classes that failed run again and pass
def last = affected()
if (!last.ran.isEmpty()) fail("after every change was undone, an unchanged rerun ran ${last.ran}")
new File(work, 'results.txt').text = results.join('\n') + '\n'
println results.join('\n')
true
