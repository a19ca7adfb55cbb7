package dev.logredact.collector.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** The dashboard as a person uses it: what they read, where they click and type. */
final class DashboardPage {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final URI base;

    DashboardPage(WebDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /** Loads the page (with {@code fragment}, such as {@code incident-3}, unless null). */
    DashboardPage open(String fragment) {
        driver.get(base.resolve("/") + (fragment == null ? "" : "#" + fragment));
        return this;
    }

    /** Waits until the dashboard shows, with its figures and incidents loaded. */
    DashboardPage awaitLoaded() {
        until("the dashboard to load", d -> visible("dashboard")
                && "false".equals(element("overview").getDomAttribute("aria-busy"))
                && "false".equals(element("incidents").getDomAttribute("aria-busy")));
        return this;
    }

    WebElement element(String id) {
        return driver.findElement(By.id(id));
    }

    boolean visible(String id) {
        return element(id).isDisplayed();
    }

    String text(String id) {
        return element(id).getText();
    }

    /** Waits until {@code read} gives {@code expected}; then returns it. */
    <T> T await(String what, Supplier<T> read, T expected) {
        until(what + " to be " + expected, d -> Objects.equals(read.get(), expected));
        return expected;
    }

    void until(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The ids of the incidents the table lists, top to bottom. */
    List<Long> incidentIds() {
        return strings("return [...document.querySelectorAll('#incident-table tbody tr[data-incident]')]"
                + ".map(r => r.dataset.incident)").stream().map(Long::valueOf).toList();
    }

    /** The text of every cell in column {@code column} (0-based) of a table's body. */
    List<String> column(String tableId, int column) {
        return strings("return [...document.querySelectorAll('#" + tableId + " tbody tr')]"
                + ".map(r => r.children[" + column + "] ? r.children[" + column + "].innerText : '')");
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String script) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(script);
    }

    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    void choose(String selectId, String value) {
        new Select(element(selectId)).selectByValue(value);
    }

    void type(String inputId, String text) {
        WebElement input = element(inputId);
        input.clear();
        input.sendKeys(text);
    }

    /** The incident's secret button in the table: what opens its details. */
    WebElement openButton(long incidentId) {
        return driver.findElement(By.cssSelector("#incident-table button[data-incident='" + incidentId + "']"));
    }

    boolean detailOpen() {
        return Boolean.TRUE.equals(script("return document.getElementById('detail').open"));
    }

    /** Waits until the incident dialog shows {@code incidentId}, loaded. */
    void awaitDetail(long incidentId) {
        until("incident " + incidentId + " to show", d -> detailOpen()
                && "false".equals(element("detail-body").getDomAttribute("aria-busy"))
                && text("detail-heading").startsWith("Incident #" + incidentId + ":"));
    }
}
