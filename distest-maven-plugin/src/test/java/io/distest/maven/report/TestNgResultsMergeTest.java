package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TestNgResultsMergeTest {
    private static String results(String total, String failed, String className, String started, String finished) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <testng-results ignored="0" total="%s" passed="%s" failed="%s" skipped="0">
                  <reporter-output><line>from %s</line></reporter-output>
                  <suite name="Surefire suite" started-at="%s" finished-at="%s" duration-ms="10">
                    <groups><group name="fast"><method name="m" class="%s"/></group></groups>
                    <test name="Surefire test" started-at="%s" finished-at="%s" duration-ms="10">
                      <class name="%s"><test-method name="m" status="PASS"/></class>
                    </test>
                  </suite>
                </testng-results>
                """.formatted(total, Integer.parseInt(total) - Integer.parseInt(failed), failed, className, started,
                finished, className, started, finished, className);
    }

    @Test
    void joinsTheRunsOfSeveralClassesIntoOneSuiteAndTestWithSummedCounts() throws Exception {
        byte[] merged = TestNgResultsMerge.merge(List.of(
                results("3", "1", "a.A", "2026-01-01T10:00:02Z", "2026-01-01T10:00:03Z").getBytes(StandardCharsets.UTF_8),
                results("2", "0", "b.B", "2026-01-01T10:00:01Z", "2026-01-01T10:00:05Z").getBytes(StandardCharsets.UTF_8)));
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(merged));
        Element root = document.getDocumentElement();
        assertEquals(List.of("5", "4", "1", "0"), List.of(root.getAttribute("total"), root.getAttribute("passed"),
                root.getAttribute("failed"), root.getAttribute("skipped")));
        NodeList suites = root.getElementsByTagName("suite");
        assertEquals(1, suites.getLength());
        Element suite = (Element) suites.item(0);
        assertEquals("2026-01-01T10:00:01Z", suite.getAttribute("started-at"));
        assertEquals("2026-01-01T10:00:05Z", suite.getAttribute("finished-at"));
        assertEquals(1, suite.getElementsByTagName("test").getLength());
        NodeList classes = suite.getElementsByTagName("class");
        assertEquals(List.of("a.A", "b.B"), List.of(((Element) classes.item(0)).getAttribute("name"),
                ((Element) classes.item(1)).getAttribute("name")));
        assertEquals(1, suite.getElementsByTagName("group").getLength());
        assertEquals(2, ((Element) suite.getElementsByTagName("group").item(0)).getElementsByTagName("method").getLength());
        assertEquals(2, ((Element) root.getElementsByTagName("reporter-output").item(0)).getElementsByTagName("line").getLength());
    }
}
