package io.distest.maven.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Several TestNG {@code testng-results.xml} files as one: the counts of {@code <testng-results>} added up, and
 * suites and tests of the same name joined (their classes, groups and reporter output together, started at the
 * earliest start, finished at the latest end), as one TestNG run over all their classes would have written them.
 */
final class TestNgResultsMerge {
    private static final List<String> COUNTS = List.of("total", "passed", "failed", "skipped", "ignored");

    private TestNgResultsMerge() {}

    static byte[] merge(List<byte[]> files) throws IOException {
        Document merged = parse(files.get(0));
        Element root = merged.getDocumentElement();
        for (byte[] file : files.subList(1, files.size())) {
            Element other = parse(file).getDocumentElement();
            for (String count : COUNTS) {
                if (root.hasAttribute(count) || other.hasAttribute(count)) {
                    root.setAttribute(count, String.valueOf(number(root, count) + number(other, count)));
                }
            }
            for (Element child : children(other)) {
                Element imported = (Element) merged.importNode(child, true);
                switch (child.getTagName()) {
                    case "reporter-output" -> joinChildren(root, imported, "reporter-output");
                    case "suite" -> joinNamed(root, imported, "suite");
                    default -> root.appendChild(imported);
                }
            }
        }
        return write(merged);
    }

    /** Joins {@code element} into the same-named sibling under {@code parent}, or appends it. */
    private static void joinNamed(Element parent, Element element, String tag) {
        Element same = children(parent).stream().filter(e -> e.getTagName().equals(tag)
                && e.getAttribute("name").equals(element.getAttribute("name"))).findFirst().orElse(null);
        if (same == null) {
            parent.appendChild(element);
            return;
        }
        widenTimes(same, element);
        for (Element child : children(element)) {
            switch (child.getTagName()) {
                case "test" -> joinNamed(same, child, "test");
                case "groups" -> {
                    Element groups = first(same, "groups");
                    if (groups == null) {
                        same.appendChild(child);
                    } else {
                        children(child).forEach(group -> joinGroup(groups, group));
                    }
                }
                case "reporter-output" -> joinChildren(same, child, "reporter-output");
                default -> same.appendChild(child);
            }
        }
    }

    private static void joinGroup(Element groups, Element group) {
        Element same = children(groups).stream().filter(g -> g.getAttribute("name").equals(group.getAttribute("name")))
                .findFirst().orElse(null);
        if (same == null) {
            groups.appendChild(group);
        } else {
            children(group).forEach(same::appendChild);
        }
    }

    private static void joinChildren(Element parent, Element element, String tag) {
        Element same = first(parent, tag);
        if (same == null) {
            parent.appendChild(element);
        } else {
            for (Node child = element.getFirstChild(); child != null; child = element.getFirstChild()) {
                same.appendChild(child);
            }
        }
    }

    /** ISO instants compare as text; the joined element spans both. */
    private static void widenTimes(Element kept, Element other) {
        if (other.getAttribute("started-at").compareTo(kept.getAttribute("started-at")) < 0) {
            kept.setAttribute("started-at", other.getAttribute("started-at"));
        }
        if (other.getAttribute("finished-at").compareTo(kept.getAttribute("finished-at")) > 0) {
            kept.setAttribute("finished-at", other.getAttribute("finished-at"));
        }
        if (kept.hasAttribute("duration-ms") && other.hasAttribute("duration-ms")) {
            kept.setAttribute("duration-ms", String.valueOf(number(kept, "duration-ms") + number(other, "duration-ms")));
        }
    }

    private static long number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Element first(Element parent, String tag) {
        return children(parent).stream().filter(e -> e.getTagName().equals(tag)).findFirst().orElse(null);
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new java.util.ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable testng-results.xml: " + e.getMessage(), e);
        }
    }

    private static byte[] write(Document document) throws IOException {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("cannot write testng-results.xml: " + e.getMessage(), e);
        }
    }
}
