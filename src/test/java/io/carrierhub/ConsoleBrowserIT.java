package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

/**
 * The console as an operator sees it, in headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs): a hub of its own, with Camel's MBeans on as in production. Log in, the routes, the dead-letter queues with
 * their depths, a replay from the console, log out; a wrong password refused.
 */
class ConsoleBrowserIT {

    static ConfigurableApplicationContext hub;
    static WebDriver browser;
    static String console;
    static Path dataDir;

    /** What the browser showed when a test failed: target/console-browser/, for a failure seen only in CI. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "console-browser"));
                String name = context.getRequiredTestMethod().getName();
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(name + ".html"), browser.getPageSource());
                System.out.println("ConsoleBrowserIT: " + name + " failed at " + browser.getCurrentUrl() + "; the page in " + dir);
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    };

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("carrier-hub-console-");
        // the tests' shared hub runs without Camel's MBeans (camel-test's default); the console shows them
        DefaultCamelContext.setDisableJmx(false);
        hub = new SpringApplicationBuilder(HubApplication.class).profiles("test").run(
                "--hub.data-dir=" + dataDir, "--hub.broker.in-vm-id=41",
                "--hub.sandbox.bring-shipment.port=" + BringTrackingPollIT.freePort(),
                "--hub.test.second-bring-port=" + BringTrackingPollIT.freePort(), "--hub.sandbox.drivoo.port=0", "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.tls-port=0",
                "--spring.jmx.unique-names=false");
        console = "http://127.0.0.1:" + ((WebServerApplicationContext) hub).getWebServer().getPort();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1600,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        browser.manage().deleteAllCookies();
        browser.get(console + "/actuator/hawtio/");
        logIn("not-the-password");
        wait(30).until(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Invalid credentials");
        browser.get(console + "/actuator/hawtio/");
        wait(30).until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void anOperatorSeesTheRoutesAndTheDeadLettersReplaysOneAndLogsOut() throws Exception {
        ErpClient erp = new ErpClient(hub.getBean(JmsTemplate.class), 20_000);
        String invalid = erp.send("<createOrder>not an order</createOrder>", null);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, invalid)).contains("REJECTED");
        String orderId = "CONSOLE-" + UUID.randomUUID().toString().substring(0, 8);
        hub.getBean(BringShipmentSandbox.class).faults().failNext(1, 417);
        String refused = erp.send(ErpClient.sample("shipment-create.xml", orderId), null);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, refused)).contains("REJECTED");

        browser.manage().deleteAllCookies();
        browser.get(console + "/actuator/hawtio/");
        logIn(ConsoleClient.PASSWORD);
        wait(30).until(ExpectedConditions.urlContains("/actuator/hawtio/"));

        // Camel: the routes table with the hub's routes
        browser.get(console + "/actuator/hawtio/camel/routes");
        // the console draws the table again every few seconds: its names read in one go, again if it was redrawn meanwhile
        List<String> routes = wait(30).ignoring(StaleElementReferenceException.class).until(driver -> {
            List<String> names = driver.findElements(By.cssSelector("table[data-testid='camel-routes-table'] td[data-label='Name']"))
                    .stream().map(cell -> cell.getText().trim()).toList();
            return names.contains("lane-bring-shipment") ? names : null;
        });
        assertThat(routes).contains("intake", "lane-bring-shipment", "lane-drivoo");
        // the table comes from the routes' MBeans; no step of a route has one (camel.main.jmx-management-m-beans-level)
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        assertThat(mbeans.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null)).isNotEmpty();
        assertThat(mbeans.queryNames(new ObjectName("org.apache.camel:type=processors,*"), null)).isEmpty();

        // JMX: the dead-letter queues with their depths, then the replay of the refused order
        // (the tree node is chosen by clicking it, as an operator does: a URL alone does not select it)
        browser.get(console + "/actuator/hawtio/jmx");
        wait(30).until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Expand all']"))).click();
        wait(30).until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//button[contains(@class,'tree-view__node-text') and normalize-space()='Deadletters']"))).click();
        wait(30).until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Operations']"))).click();
        execute("depths()");
        wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("jmx-operation-list"), "DLQ.erp.orders"));
        String depths = browser.findElement(By.id("jmx-operation-list")).getText();
        assertThat(depths).containsPattern("DLQ.erp.orders\\W+1\\b").containsPattern("DLQ.carrier.bring-shipment\\W+1\\b");
        String replay = "replay(java.lang.String,java.lang.String)";
        expand("replay(String, String)");
        By orderIdField = By.id("operation-" + replay + "-arg-form-input-orderId-0");
        // the form is drawn again as it opens: typed into once it stands still
        wait(30).ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(orderIdField).clear();
            driver.findElement(orderIdField).sendKeys(orderId);
            return orderId.equals(driver.findElement(orderIdField).getDomProperty("value"));
        });
        wait(30).ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("section[id='operation-execute-" + replay + "'] button[type='submit']")).click();
            return true;
        });
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, refused)).as("the replayed order, booked").contains("ACCEPTED");

        // out, and the console is closed again
        browser.get(console + "/logout");
        wait(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type='submit']"))).click();
        wait(30).until(ExpectedConditions.urlContains("/login?logout"));
        browser.get(console + "/actuator/hawtio/");
        wait(30).until(ExpectedConditions.urlContains("/login"));
    }

    private static void logIn(String password) {
        wait(30).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(ConsoleClient.USER);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void expand(String operation) {
        wait(30).until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//li[.//b[normalize-space()='" + operation + "']]//button[starts-with(@id,'ex-toggle')]"))).click();
    }

    private static void execute(String operation) {
        expand(operation);
        wait(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "section[id='operation-execute-" + operation + "'] button[type='submit']"))).click();
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
