package dev.logredact.collector.server;

import dev.logredact.collector.testing.CollectorClient;
import dev.logredact.collector.testing.RunningCollector;
import dev.logredact.collector.testing.TestCollector;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's files as served: every file the page loads is there, with its type, the strict policy
 * and nosniff, without a token; and the files keep to what the policy and safe DOM building ask (no inline
 * script or style, no HTML parsed from strings).
 */
class DashboardFilesTest extends RunningCollector {
    private static final String TOKEN = "dashboard-files-token-51d0";
    /** The page's own references: src and href attributes, and module imports. */
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"|from '\\./([^']+)'");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    @Override
    protected TestCollector.Options options() {
        return new TestCollector.Options().token(TOKEN);
    }

    /** Every file reachable from {@code /}, fetched without a token: path to body. */
    private Map<String, String> files() {
        CollectorClient anonymous = client.withToken(null);
        Map<String, String> files = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add("/");
        while (!todo.isEmpty()) {
            String path = todo.remove();
            if (files.containsKey(path)) {
                continue;
            }
            HttpResponse<String> r = anonymous.get(path);
            assertEquals(200, r.statusCode(), path);
            String type = TYPES.get(path.equals("/") ? "html" : path.substring(path.lastIndexOf('.') + 1));
            assertEquals(type.replace(" ", ""), r.headers().firstValue("Content-Type").orElse("").replace(" ", ""), path);
            assertEquals(DashboardFiles.CONTENT_SECURITY_POLICY, r.headers().firstValue("Content-Security-Policy").orElse(""), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
            files.put(path, r.body());
            String folder = path.substring(0, path.lastIndexOf('/') + 1);
            Matcher m = REFERENCE.matcher(r.body());
            while (m.find()) {
                todo.add(m.group(1) != null ? "/" + m.group(1) : folder + m.group(2));
            }
        }
        return files;
    }

    @Test
    void everyFileThePageLoadsIsServedWithThePolicyAndNoToken() {
        Map<String, String> files = files();
        assertTrue(files.keySet().containsAll(List.of("/", "/dashboard.css", "/favicon.svg", "/js/main.js",
                "/js/api.js", "/js/dom.js", "/js/chart.js", "/js/detail.js", "/js/incidents.js", "/js/overview.js")),
                files.keySet().toString());
        assertTrue(files.get("/").contains("<title>logredact collector</title>"));
        assertEquals(401, client.withToken(null).get("/api/v1/stats").statusCode(), "the data still wants the token");
    }

    @Test
    void aMissingFileIs404() {
        assertEquals(404, client.withToken(null).get("/js/missing.js").statusCode());
    }

    @Test
    void thePageRunsNoInlineCodeAndParsesNoHtmlFromData() {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);
        Pattern htmlFromStrings = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|eval\\(|new Function|"
                + "setAttribute\\('style'|\\.style\\.cssText");
        files().forEach((path, body) -> {
            assertFalse(inlineScript.matcher(body).find(), path + ": inline script");
            if (!path.endsWith(".js")) {
                assertFalse(inlineStyle.matcher(body).find(), path + ": inline style or handler");
            } else {
                assertFalse(htmlFromStrings.matcher(body).find(), path + ": builds the DOM from strings");
            }
        });
    }
}
