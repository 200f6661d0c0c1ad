package io.streamprep.jobs.deploy;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What the Maven build says: versions from the root pom, the job jar's name from the jobs pom. */
record BuildFacts(String projectVersion, String flinkVersion, String kafkaVersion, String jobJar) {

    static BuildFacts read(Path repoRoot) throws Exception {
        Element root = parse(repoRoot.resolve("pom.xml"));
        Element properties = child(root, "properties");
        Element jobs = parse(repoRoot.resolve("jobs/pom.xml"));
        String version = text(root, "version");
        String classifier =
                jobs.getElementsByTagName("shadedClassifierName").item(0).getTextContent().trim();
        String jar = text(jobs, "artifactId") + "-" + version + "-" + classifier + ".jar";
        return new BuildFacts(
                version, text(properties, "flink.version"), text(properties, "kafka.version"), jar);
    }

    /** The release part of the project version, e.g. 0.1.0 for 0.1.0-SNAPSHOT (image tags). */
    String releaseVersion() {
        return projectVersion.replace("-SNAPSHOT", "");
    }

    /** The Flink Kubernetes Operator's name of the Flink version, e.g. v2_2 for 2.2.1. */
    String operatorFlinkVersion() {
        String[] parts = flinkVersion.split("\\.");
        return "v" + parts[0] + "_" + parts[1];
    }

    private static Element parse(Path pom) throws Exception {
        Document doc =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return doc.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }
}
