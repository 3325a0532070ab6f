package io.distest.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The parameters of every goal as the plugin descriptor maven-plugin-plugin generated from the mojos lists them. */
final class PluginDescriptor {
    /** A user-settable parameter of a goal; {@code property} and {@code defaultValue} may be {@code null}. */
    record Declared(String goal, String name, String property, String defaultValue) {
        @Override
        public String toString() {
            return goal + ":" + name;
        }
    }

    private PluginDescriptor() {}

    static List<Declared> parameters() throws Exception {
        Document descriptor;
        try (InputStream in = PluginDescriptor.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertTrue(in != null, "no plugin descriptor on the test class path: was process-classes skipped?");
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        List<Declared> result = new ArrayList<>();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            Element configuration = child(mojo, "configuration");
            for (Element parameter : children(child(mojo, "parameters"), "parameter")) {
                if (!"true".equals(text(parameter, "editable"))) {
                    continue; // ${project}, ${session}: not the user's to set
                }
                String name = text(parameter, "name");
                Element value = configuration == null ? null : child(configuration, name);
                String property = null;
                String defaultValue = null;
                if (value != null) {
                    Matcher expression = Pattern.compile("\\$\\{([^}]+)}").matcher(value.getTextContent().trim());
                    property = expression.matches() ? expression.group(1) : null;
                    defaultValue = value.hasAttribute("default-value") ? value.getAttribute("default-value") : null;
                }
                result.add(new Declared(goal, name, property, defaultValue));
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }
}
