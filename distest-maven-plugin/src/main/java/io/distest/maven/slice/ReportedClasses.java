package io.distest.maven.slice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The test classes a reports directory has results for: every {@code TEST-*.xml}'s {@code <testsuite name>} and its
 * {@code <testcase classname>}s (a nested class counts for its outer class). What a merge calls "ran".
 */
public final class ReportedClasses {
    private ReportedClasses() {}

    /** The classes with a report in {@code directory}; none when it does not exist. */
    public static Set<String> in(Path directory) throws IOException {
        Set<String> classes = new TreeSet<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "TEST-*.xml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    XMLStreamReader xml = factory.createXMLStreamReader(in);
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamReader.START_ELEMENT) {
                            String attribute = switch (xml.getLocalName()) {
                                case "testsuite" -> "name";
                                case "testcase" -> "classname";
                                default -> null;
                            };
                            String name = attribute == null ? null : xml.getAttributeValue(null, attribute);
                            if (name != null && !name.isBlank()) {
                                classes.add(name.trim());
                                classes.add(outer(name.trim()));
                            }
                        }
                    }
                    xml.close();
                } catch (XMLStreamException e) {
                    throw new IOException("cannot read the report " + file + ": " + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            return classes;
        }
        return classes;
    }

    private static String outer(String className) {
        int dollar = className.indexOf('$');
        return dollar > 0 ? className.substring(0, dollar) : className;
    }
}
