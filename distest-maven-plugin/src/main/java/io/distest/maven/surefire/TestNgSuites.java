package io.distest.maven.surefire;

import io.distest.maven.schedule.TestUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Surefire's {@code suiteXmlFiles} for TestNG, as far as the JUnit Platform's TestNG engine can run them: the engine
 * takes classes, not suite files, so distest reads the suites and runs what they select — their classes (narrowed
 * to the {@code <methods>} they include and exclude), the classes of their {@code <packages>},
 * {@code <suite-files>} followed — and passes what the engine understands as its configuration parameters:
 * {@code <groups><run>} as {@code testng.groups} / {@code testng.excludedGroups}, {@code <listeners>} as
 * {@code testng.listeners}, the suite's {@code parallel}, {@code thread-count} and {@code data-provider-thread-count}
 * (in effect inside each worker). What a suite says beyond that (parameters, group definitions, method selectors,
 * per-test settings, …) is reported as not honoured. A class named by several {@code <test>}s runs once.
 */
public final class TestNgSuites {
    /**
     * @param configurationParameters TestNG engine parameters the suites imply
     * @param notHonoured what the suites say that distest does not do
     */
    public record Selection(List<TestUnit> units, Map<String, String> configurationParameters, List<String> notHonoured) {}

    /** Suite attributes the TestNG engine takes as configuration parameters. */
    private static final Map<String, String> SUITE_ATTRIBUTES = new LinkedHashMap<>();

    static {
        SUITE_ATTRIBUTES.put("parallel", "testng.parallel");
        SUITE_ATTRIBUTES.put("thread-count", "testng.threadCount");
        SUITE_ATTRIBUTES.put("data-provider-thread-count", "testng.dataProviderThreadCount");
        SUITE_ATTRIBUTES.put("allow-return-values", "testng.allowReturnValues");
    }

    /** What one suite {@code <test>} selects, before classes of several tests are merged. */
    private record Selected(String className, Set<String> includeMethods, Set<String> excludeMethods) {}

    private final Path testClassesDirectory;
    private final Map<String, Selected> classes = new LinkedHashMap<>();
    private final Set<List<Set<String>>> groupSets = new LinkedHashSet<>();
    private final Set<String> listeners = new LinkedHashSet<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Set<String> notHonoured = new TreeSet<>();
    private final Set<Path> read = new LinkedHashSet<>();

    private TestNgSuites(Path testClassesDirectory) {
        this.testClassesDirectory = testClassesDirectory;
    }

    public static Selection select(List<Path> suiteFiles, Path testClassesDirectory) throws IOException {
        TestNgSuites suites = new TestNgSuites(testClassesDirectory);
        for (Path file : suiteFiles) {
            suites.readSuite(file);
        }
        return suites.selection();
    }

    private Selection selection() {
        List<TestUnit> units = new ArrayList<>();
        for (Selected selected : classes.values()) {
            units.add(new TestUnit(units.size(), selected.className(), List.copyOf(selected.includeMethods()),
                    List.copyOf(selected.excludeMethods())));
        }
        if (groupSets.size() == 1) {
            List<Set<String>> groups = groupSets.iterator().next();
            if (!groups.get(0).isEmpty()) {
                parameters.put("testng.groups", String.join(",", groups.get(0)));
            }
            if (!groups.get(1).isEmpty()) {
                parameters.put("testng.excludedGroups", String.join(",", groups.get(1)));
            }
        } else if (groupSets.size() > 1) {
            notHonoured.add("<groups><run> differing between <test>s: no group filter (the engine's groups apply"
                    + " to the whole run)");
        }
        if (!listeners.isEmpty()) {
            parameters.put("testng.listeners", String.join(",", listeners));
        }
        return new Selection(units, parameters, notHonoured.stream().map(s -> "suiteXmlFiles " + s).toList());
    }

    private void readSuite(Path file) throws IOException {
        Path normalized = file.toAbsolutePath().normalize();
        if (!read.add(normalized)) {
            return;
        }
        Element suite = parse(normalized).getDocumentElement();
        if (!"suite".equals(suite.getTagName())) {
            throw new IOException(file + " is not a TestNG suite file (its root element is <" + suite.getTagName() + ">)");
        }
        SUITE_ATTRIBUTES.forEach((attribute, parameter) -> {
            if (suite.hasAttribute(attribute) && !"none".equals(suite.getAttribute(attribute))) {
                parameters.putIfAbsent(parameter, suite.getAttribute(attribute));
            }
        });
        for (String attribute : List.of("time-out", "group-by-instances", "object-factory", "configfailurepolicy")) {
            if (suite.hasAttribute(attribute)) {
                notHonoured.add("<suite " + attribute + "=\"" + suite.getAttribute(attribute) + "\">: not used");
            }
        }
        List<Element> suiteGroups = children(suite, "groups");
        List<Element> suitePackages = children(suite, "packages");
        for (Element element : children(suite, null)) {
            switch (element.getTagName()) {
                case "test" -> readTest(element, suiteGroups, suitePackages);
                case "listeners" -> children(element, "listener").forEach(l -> listeners.add(l.getAttribute("class-name")));
                case "suite-files" -> {
                    for (Element suiteFile : children(element, "suite-file")) {
                        readSuite(normalized.resolveSibling(suiteFile.getAttribute("path")));
                    }
                }
                case "parameter" -> notHonoured.add("<parameter>: @Parameters get no values from the suite; give"
                        + " them @Optional defaults or use systemPropertyVariables");
                case "groups", "packages" -> { } // read with each <test>
                default -> notHonoured.add("<" + element.getTagName() + ">: not used");
            }
        }
    }

    private void readTest(Element test, List<Element> suiteGroups, List<Element> suitePackages) throws IOException {
        if ("false".equals(test.getAttribute("enabled"))) {
            return;
        }
        for (String attribute : List.of("parallel", "thread-count", "time-out", "preserve-order", "group-by-instances")) {
            if (test.hasAttribute(attribute) && !"none".equals(test.getAttribute(attribute))
                    && !"preserve-order".equals(attribute)) {
                notHonoured.add("<test " + attribute + "=\"" + test.getAttribute(attribute) + "\">: not used");
            }
        }
        Set<String> include = new LinkedHashSet<>();
        Set<String> exclude = new LinkedHashSet<>();
        List<Element> groups = new ArrayList<>(suiteGroups);
        groups.addAll(children(test, "groups"));
        for (Element group : groups) {
            for (Element child : children(group, null)) {
                if ("run".equals(child.getTagName())) {
                    children(child, "include").forEach(e -> include.add(e.getAttribute("name")));
                    children(child, "exclude").forEach(e -> exclude.add(e.getAttribute("name")));
                } else {
                    notHonoured.add("<groups><" + child.getTagName() + ">: not used");
                }
            }
        }
        groupSets.add(List.of(include, exclude));
        for (Element element : children(test, null)) {
            switch (element.getTagName()) {
                case "classes" -> {
                    for (Element type : children(element, "class")) {
                        Set<String> includeMethods = new LinkedHashSet<>();
                        Set<String> excludeMethods = new LinkedHashSet<>();
                        for (Element methods : children(type, "methods")) {
                            children(methods, "include").forEach(e -> includeMethods.add(methodGlob(e.getAttribute("name"))));
                            children(methods, "exclude").forEach(e -> excludeMethods.add(methodGlob(e.getAttribute("name"))));
                        }
                        add(type.getAttribute("name"), includeMethods, excludeMethods);
                    }
                }
                case "packages" -> readPackages(element);
                case "parameter" -> notHonoured.add("<parameter>: @Parameters get no values from the suite; give"
                        + " them @Optional defaults or use systemPropertyVariables");
                case "groups" -> { } // read above
                default -> notHonoured.add("<test><" + element.getTagName() + ">: not used");
            }
        }
        for (Element packages : suitePackages) {
            readPackages(packages);
        }
    }

    private void readPackages(Element packages) throws IOException {
        for (Element pkg : children(packages, "package")) {
            String name = pkg.getAttribute("name");
            boolean recursive = name.endsWith(".*");
            String packageName = recursive ? name.substring(0, name.length() - 2) : name;
            List<Pattern> include = children(pkg, "include").stream().map(e -> Pattern.compile(e.getAttribute("name"))).toList();
            List<Pattern> exclude = children(pkg, "exclude").stream().map(e -> Pattern.compile(e.getAttribute("name"))).toList();
            for (String className : classesIn(packageName, recursive)) {
                String simple = className.substring(className.lastIndexOf('.') + 1);
                boolean in = include.isEmpty() || include.stream().anyMatch(p -> p.matcher(className).matches()
                        || p.matcher(simple).matches());
                boolean out = exclude.stream().anyMatch(p -> p.matcher(className).matches() || p.matcher(simple).matches());
                if (in && !out) {
                    add(className, Set.of(), Set.of());
                }
            }
        }
    }

    /** Top-level classes of a package in the test classes directory (and of its sub-packages when recursive). */
    private List<String> classesIn(String packageName, boolean recursive) throws IOException {
        Path directory = testClassesDirectory.resolve(packageName.replace('.', '/'));
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = recursive ? Files.walk(directory) : Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> testClassesDirectory.relativize(f).toString().replace('\\', '/').replace('/', '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .sorted().toList();
        }
    }

    private void add(String className, Set<String> includeMethods, Set<String> excludeMethods) {
        Selected known = classes.get(className);
        if (known == null) {
            classes.put(className, new Selected(className, new LinkedHashSet<>(includeMethods), new LinkedHashSet<>(excludeMethods)));
            return;
        }
        // named by several <test>s: it runs once, with everything either selects
        if (known.includeMethods().isEmpty() || includeMethods.isEmpty()) {
            known.includeMethods().clear();
        } else {
            known.includeMethods().addAll(includeMethods);
        }
        known.excludeMethods().retainAll(excludeMethods);
    }

    /** TestNG method names are regular expressions; distest's method filter takes globs ({@code *}, {@code ?}). */
    private String methodGlob(String regex) {
        String glob = regex.replace(".*", "*").replace('.', '?');
        if (glob.chars().anyMatch(c -> "[](){}+|^$\\".indexOf(c) >= 0)) {
            notHonoured.add("<methods> pattern \"" + regex + "\": only literal names, .* and . are understood");
        }
        return glob;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (tag == null || tag.equals(element.getTagName()))) {
                children.add(element);
            }
        }
        return children;
    }

    private static Document parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setExpandEntityReferences(false);
            // suites name TestNG's DTD by URL: never fetch it, never resolve external entities
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(file.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read TestNG suite " + file + ": " + e.getMessage(), e);
        }
    }
}
