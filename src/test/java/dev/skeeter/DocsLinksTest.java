package dev.skeeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ as a reader meets them on GitHub: every relative link and image resolves to a file in the
 * repository, every #anchor to a heading (GitHub's slug rules), and nothing names this machine's paths.
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** [text](target) and ![alt](target), with an optional "title"; the text may hold one level of brackets. */
    private static final Pattern LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            for (String target : links(Files.readString(doc))) {
                String problem = check(doc, target);
                if (problem != null) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (" + problem + ")");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeStaysShortAndTheDocsFolderHasItsPages() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThan(200);
        for (String page : List.of("user-guide.md", "broker.md", "cli.md", "architecture.md", "benchmarks.md")) {
            assertThat(ROOT.resolve("docs").resolve(page)).isRegularFile();
        }
    }

    @Test
    void theReadmeKeepsTheCommandsCiRuns() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme)
                .contains("mvn -DskipTests package && java -jar target/skeeter.jar")
                .contains("mvn verify");
    }

    @Test
    void noDocumentNamesThisMachinesPaths() throws IOException {
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            assertThat(text).as(doc.toString())
                    .doesNotContain("/work/")
                    .doesNotContain("/tmp/")
                    .doesNotContain("../shared")
                    .doesNotContain("/home/");
        }
    }

    @Test
    void slugsFollowGitHubsRules() {
        Map<String, Integer> seen = new HashMap<>();
        assertThat(slug("The path of a PUBLISH through the broker", seen))
                .isEqualTo("the-path-of-a-publish-through-the-broker");
        assertThat(slug("`skeeter bench`", seen)).isEqualTo("skeeter-bench");
        assertThat(slug("Slow subscribers and back-pressure", seen)).isEqualTo("slow-subscribers-and-back-pressure");
        assertThat(slug("2026-11-27", seen)).isEqualTo("2026-11-27");
        assertThat(slug("2026-11-27", seen)).isEqualTo("2026-11-27-1");
        assertThat(slug("What it is, and [why](x.md)?", seen)).isEqualTo("what-it-is-and-why");
    }

    @Test
    void brokenLinksAreFound() throws IOException {
        Path readme = ROOT.resolve("README.md");
        assertThat(check(readme, "docs/no-such-page.md")).isNotNull();
        assertThat(check(readme, "docs/broker.md#no-such-heading")).isNotNull();
        assertThat(check(readme, "#no-such-heading")).isNotNull();
        assertThat(check(readme, "../outside.md")).isNotNull();
        assertThat(check(readme, "docs/broker.md#embedding")).isNull();
        assertThat(links("see [a](a.md) and `[b](b.md)` and ![c](img/c.png \"C\")\n```\n[d](d.md)\n```\n"))
                .containsExactly("a.md", "img/c.png");
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** Link targets outside fenced code blocks and inline code spans. */
    static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** Null when {@code target}, as written in {@code doc}, resolves; otherwise what is wrong. */
    static String check(Path doc, String target) throws IOException {
        if (target.isEmpty()) {
            return "empty link";
        }
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")
                    ? null : "unexpected scheme";
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        if (path.startsWith("/")) {
            return "absolute path";
        }
        Path file = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
        if (!file.startsWith(ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (anchor != null) {
            if (!file.toString().endsWith(".md")) {
                return "anchor on a file that is not markdown";
            }
            if (!anchors(Files.readString(file)).contains(anchor)) {
                return "no heading with this anchor";
            }
        }
        return null;
    }

    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!fenced && m.matches()) {
                anchors.add(slug(m.group(2), seen));
            }
        }
        return anchors;
    }

    /**
     * GitHub's heading anchor: the heading's text (links reduced to their text, markup dropped), lower case,
     * everything but letters, digits, spaces, hyphens and underscores removed, spaces turned into hyphens, and
     * -1, -2, ... added to repeats.
     */
    static String slug(String heading, Map<String, Integer> seen) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
        String base = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                .replace(' ', '-');
        int n = seen.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "-" + n;
    }
}
