package dev.logredact.collector.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logredact.collector.testing.Browser;
import dev.logredact.collector.testing.OtlpEvents;
import dev.logredact.collector.testing.SampleOwners;
import dev.logredact.collector.testing.TestCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.StreamSupport;

import static dev.logredact.collector.web.DashboardData.DB_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium against a real collector (SQLite in a temporary directory,
 * events sent through {@code POST /v1/logs}): what a person reads matches the API, and what they change
 * reaches the server. Screenshots go to {@code target/dashboard-*.png}.
 */
class DashboardBrowserTest {
    private static final String TOKEN = "dashboard-test-token-7c2e9b";
    private static final Path SCREENSHOTS = Path.of("target");

    @TempDir
    static Path profile;
    private static Browser browser;

    @TempDir
    Path dir;
    private TestCollector collector;
    /** Console errors a test expects (the 401 answers of a token-protected collector); none by default. */
    private String expectedConsoleError;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void stopCollectorAndCheckTheConsole() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.consoleSinceLastCall()) {
            boolean expected = expectedConsoleError != null && e.getMessage().contains(expectedConsoleError);
            if (e.getLevel().intValue() >= Level.WARNING.intValue() && !expected) {
                errors.add(e.getMessage());
            }
        }
        if (collector != null) {
            collector.close();
        }
        assertEquals(List.of(), errors, "no script error, no policy violation in the browser's console");
    }

    private DashboardPage start(TestCollector.Options options) {
        collector = TestCollector.start(dir, options.owners(SampleOwners.rules()));
        return new DashboardPage(browser.driver, collector.client.base());
    }

    private DashboardPage seeded() {
        DashboardPage page = start(new TestCollector.Options());
        DashboardData.seed(collector);
        return page;
    }

    @Test
    void theFiguresAndTheChartAreTheApis() {
        DashboardPage page = seeded().open(null).awaitLoaded();
        JsonNode stats = collector.client.getJson("/api/v1/stats");

        assertEquals(stats.get("open").asText(), page.text("stat-open"));
        assertEquals(stats.get("slaBreaches").asText(), page.text("stat-breaches"));
        assertEquals(stats.get("remediated").asText(), page.text("stat-remediated"));
        assertEquals(stats.get("incidents").asText(), page.text("stat-incidents"));
        assertEquals(DashboardData.MEAN_TO_REMEDIATE_SECONDS, stats.get("meanTimeToRemediateSeconds").asDouble());
        assertEquals("2 d", page.text("stat-mean"));
        assertEquals(DashboardData.P90_TO_REMEDIATE_SECONDS, stats.get("p90TimeToRemediateSeconds").asDouble());
        assertEquals("2 d 18 h", page.text("stat-p90"));

        assertEquals(keys(stats.get("byOwner"), "(no owner)"), page.column("by-owner", 0));
        assertEquals(values(stats.get("byOwner"), "open"), page.column("by-owner", 2));
        assertEquals(keys(stats.get("byRepository"), null).stream().map(r -> r.replace("https://", "")).toList(),
                page.column("by-repository", 0));
        assertEquals(values(stats.get("byRepository"), "slaBreaches"), page.column("by-repository", 5));

        browser.screenshot(SCREENSHOTS.resolve("dashboard-overview.png"));
        JsonNode days = collector.client.getJson("/api/v1/exposures?days=30").get("days");
        assertEquals(30, days.size());
        assertEquals(values(days, "day"), page.strings("return [...document.querySelectorAll('#chart-area rect')]"
                + ".map(r => r.dataset.day)"), "one bar a day");
        page.element("chart-table").findElement(By.xpath("..")).findElement(By.tagName("summary")).click();
        assertEquals(values(days, "events"), page.column("chart-table", 1));
        assertEquals(values(days, "secrets"), page.column("chart-table", 3));
        String busiest = StreamSupport.stream(days.spliterator(), false)
                .max((a, b) -> Integer.compare(a.get("events").asInt(), b.get("events").asInt())).orElseThrow()
                .get("day").asText();
        assertEquals(busiest, page.script("return [...document.querySelectorAll('#chart-area rect')]"
                + ".reduce((a, b) => Number(b.getAttribute('height')) > Number(a.getAttribute('height')) ? b : a).dataset.day"));
    }

    @Test
    void filtersSearchAndPagingNarrowTheTable() {
        DashboardPage page = seeded().open(null).awaitLoaded();
        assertEquals(ids("limit=25"), page.incidentIds());
        assertEquals(DashboardData.LEAKS.size(), page.incidentIds().size());
        Browser.screenshot(page.element("incidents"), SCREENSHOTS.resolve("dashboard-incidents.png"));

        page.choose("page-size", "10");
        page.await("the first page", page::incidentIds, ids("limit=10"));
        assertEquals("Showing 1–10 of 11 incidents", page.text("incidents-summary"));
        page.element("page-next").click();
        page.await("the second page", page::incidentIds, ids("limit=10&offset=10"));
        assertFalse(page.element("page-next").isEnabled());
        page.element("page-prev").click();
        page.await("the first page again", page::incidentIds, ids("limit=10"));

        page.choose("filter-state", "revoked");
        page.await("revoked incidents", page::incidentIds, List.of(DashboardData.id(collector.client, DashboardData.STRIPE_KEY)));
        page.choose("filter-state", "open");
        List<Long> open = page.await("open incidents", page::incidentIds, ids("state=open&limit=10"));
        assertEquals(9, collector.client.getJson("/api/v1/incidents?state=open").get("total").asInt());
        assertEquals(10, open.size() + 1, "one page of open incidents, paged by ten");

        page.type("filter-q", "replica");
        page.await("the search's match", page::incidentIds, ids("state=open&q=replica"));
        assertEquals(1, page.incidentIds().size());
        page.type("filter-q", "nothing-like-this");
        page.await("no match", page::incidentIds, List.of());
        assertEquals(List.of("No incidents match these filters."), page.column("incident-table", 0));

        page.element("filters").findElement(By.cssSelector("button[type=reset]")).click();
        page.await("every incident", page::incidentIds, ids("limit=10"));
        page.choose("filter-owner", "platform");
        page.await("platform's incidents", page::incidentIds, List.of(DashboardData.id(collector.client, DashboardData.GITHUB_PAT)));
        page.choose("filter-owner", "");
        page.choose("filter-repository", DashboardData.INFRA);
        page.await("the infra repository's incidents", page::incidentIds, List.of(DashboardData.id(collector.client, DashboardData.AWS_KEY)));
        page.choose("filter-repository", "");
        page.type("filter-rule", "github-pat");
        page.await("the github-pat rule's incidents", page::incidentIds, List.of(DashboardData.id(collector.client, DashboardData.GITHUB_PAT)));
    }

    @Test
    void anIncidentShowsItsRunsAndTakesAStateAndAnAssignee() {
        DashboardPage page = seeded().open(null).awaitLoaded();
        long id = DashboardData.id(collector.client, DB_PASSWORD);
        String openBefore = page.text("stat-open");

        page.openButton(id).sendKeys(Keys.ENTER);
        page.awaitDetail(id);
        List<WebElement> runs = page.element("occurrence-table").findElements(By.cssSelector("td.run a"));
        assertEquals(DB_PASSWORD.occurrences(), runs.size());
        for (int i = 0; i < DB_PASSWORD.occurrences(); i++) {
            WebElement run = runs.get(DB_PASSWORD.occurrences() - 1 - i); // newest first
            assertEquals(DB_PASSWORD.runUrl(i), run.getDomAttribute("href"));
            assertEquals("noopener noreferrer", run.getDomAttribute("rel"));
            assertTrue(run.getText().startsWith("Run " + DB_PASSWORD.runId(i)), run.getText());
        }
        assertEquals(List.of("build / test", "build / test", "build / test"), page.column("occurrence-table", 2));
        assertEquals(List.of("No changes yet."), page.column("history-table", 0));

        page.choose("triage-state", "rotated");
        page.type("triage-assignee", "alice");
        page.type("triage-by", "bob");
        page.element("triage-form").submit();
        page.await("the save to be confirmed", () -> page.text("triage-status"), "Saved.");

        JsonNode detail = collector.client.getJson("/api/v1/incidents/" + id);
        assertEquals("rotated", detail.get("incident").get("state").asText());
        assertEquals("bob", detail.get("incident").get("stateBy").asText());
        assertEquals("alice", detail.get("incident").get("assignee").asText());
        assertEquals(2, detail.get("history").size());
        assertTrue(page.text("detail-heading").endsWith("Rotated"), page.text("detail-heading"));
        assertEquals(List.of("State", "Assignee"), page.column("history-table", 2));
        assertEquals(List.of("Open → Rotated", "none → alice"), page.column("history-table", 3));
        browser.screenshot(SCREENSHOTS.resolve("dashboard-incident.png"));

        page.element("detail").sendKeys(Keys.ESCAPE);
        page.until("the dialog to close", d -> !page.detailOpen());
        page.await("the open count", () -> page.text("stat-open"), Integer.toString(Integer.parseInt(openBefore) - 1));
        assertEquals(collector.client.getJson("/api/v1/stats").get("open").asText(), page.text("stat-open"));
        WebElement row = page.element("incident-table").findElement(By.cssSelector("tr[data-incident='" + id + "']"));
        assertEquals("Rotated", row.findElement(By.cssSelector(".badge")).getText());
        assertTrue(row.getText().contains("alice"), row.getText());

        page.open("incident-" + id);
        page.awaitDetail(id);
        assertEquals("alice", page.element("triage-assignee").getDomProperty("value"));
    }

    @Test
    void aCollectorWithATokenAsksForItOnce() {
        expectedConsoleError = "status of 401";
        DashboardPage page = start(new TestCollector.Options().token(TOKEN));
        DashboardData.seed(collector);
        page.open(null);
        page.until("the token prompt", d -> page.visible("token-section"));
        assertFalse(page.visible("dashboard"));
        browser.screenshot(SCREENSHOTS.resolve("dashboard-token.png"));

        page.type("token-input", "not-" + TOKEN);
        page.element("token-form").submit();
        page.await("the refusal", () -> page.text("token-error"), "The collector did not accept that token.");
        assertNull(page.script("return sessionStorage.getItem('logredact.collector.token')"));

        page.type("token-input", TOKEN);
        page.element("token-form").submit();
        page.awaitLoaded();
        assertEquals(collector.client.getJson("/api/v1/stats").get("open").asText(), page.text("stat-open"));
        assertEquals(DashboardData.LEAKS.size(), page.incidentIds().size());

        page.open(null).awaitLoaded();
        assertFalse(page.visible("token-section"), "the tab keeps the token");
        page.element("forget-token").click();
        page.until("the token prompt again", d -> page.visible("token-section"));
    }

    @Test
    void whatBuildsSentIsShownAsTextAndNeverRun() {
        DashboardPage page = start(new TestCollector.Options());
        String name = "<img src=x onerror=\"window.__pwned=1\">";
        String thread = "<script>window.__pwned=2</script>";
        String job = "<b>lint</b>";
        String runUrl = "javascript:window.__pwned=3";
        collector.client.postJson(OtlpEvents.json(OtlpEvents.event(OtlpEvents.fingerprint(99), name, DashboardData.SHOP,
                        Instant.parse("2026-02-27T12:00:00Z"))
                .attr("logredact.thread", thread)
                .res("cicd.pipeline.task.name", job)
                .res("cicd.pipeline.run.url.full", runUrl)), 200);
        long id = collector.client.getJson("/api/v1/incidents").get("items").get(0).get("id").asLong();

        page.open(null).awaitLoaded();
        assertEquals(name, page.openButton(id).getText());
        page.openButton(id).click();
        page.awaitDetail(id);
        assertEquals(List.of("build / " + job), page.column("occurrence-table", 2));
        assertEquals(List.of(runUrl), page.column("occurrence-table", 3));
        assertTrue(page.column("occurrence-table", 5).get(0).contains(thread));
        assertEquals(0, page.element("occurrence-table").findElements(By.cssSelector("td.run a")).size(), "no javascript: link");
        assertEquals(0L, page.script("return document.querySelectorAll('main img, dialog img, dialog b, main b').length"));
        assertEquals(1L, page.script("return document.scripts.length"), "only the page's own module script");
        assertNull(page.script("return window.__pwned === undefined ? null : window.__pwned"));
    }

    private List<Long> ids(String query) {
        List<Long> ids = new ArrayList<>();
        collector.client.getJson("/api/v1/incidents?" + query).get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private static List<String> keys(JsonNode groups, String nullKey) {
        List<String> keys = new ArrayList<>();
        groups.forEach(g -> keys.add(g.get("key").isNull() ? nullKey : g.get("key").asText()));
        return keys;
    }

    private static List<String> values(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.get(field).asText()));
        return values;
    }
}
