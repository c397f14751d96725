package cn.credit.workflow.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given, so
 * Selenium never looks for (or downloads) a browser of its own. Screenshots go under
 * {@code target/browser-screenshots/}.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private final WebDriver driver;
  private final String base;
  private final Path profile;
  private int shot;

  Browser(int port, String width) throws IOException {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new IllegalStateException("the browser tests need Debian's Chromium and its driver at " + CHROMIUM
          + " and " + CHROMEDRIVER + ": " + NeedsBrowser.INSTALL + " (.ci/run does this)");
    }
    this.base = "http://localhost:" + port;
    this.profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + ",1000", "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    Files.createDirectories(SCREENSHOTS);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(base + path);
  }

  String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  boolean has(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  String text(String css) {
    return find(css).getText();
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  void click(String css) {
    find(css).click();
  }

  /** The first link or button whose text contains {@code text}. */
  void clickText(String text) {
    driver.findElement(By.xpath("//*[self::a or self::button][contains(normalize-space(.), '" + text + "')]")).click();
  }

  /** From a staff member's landing page: the department's queue, the case's task opened and claimed. */
  void claimFromTheDepartmentQueue(String caseRef) {
    waitFor("#task-list");
    click("#tab-DEPARTMENT");
    waitFor("#task-list");
    driver.findElement(By.xpath("//table[@id='task-list']//tr[td/a[text()='" + caseRef
        + "']]//a[starts-with(@href, '/tasks/')]")).click();
    waitFor("#case-link");
    click("#claim");
    waitFor("#task-form");
  }

  void waitFor(String css) {
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  /** Signs in through the login page and waits until the landing page is there. */
  void signIn(String user) {
    open("/login");
    waitFor("#username");
    type("#username", user);
    type("#password", "demo");
    click("button[type=submit]");
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** Signs out and waits for the page that says so, so that the next sign-in starts from a clean session. */
  void signOut() {
    driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("logout"));
  }

  /** Writes the page as a numbered PNG, so the files sort in the order of the walk. */
  Path screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name));
    Files.write(file, png);
    return file;
  }

  /** Another window size, e.g. one wide enough for a whole process model at full size. */
  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Writes one element as {@code name.png}, a picture looked at by name rather than in the order of a walk. */
  Path shoot(String css, String name) throws IOException {
    WebElement element = find(css);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", element);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, element.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    org.springframework.util.FileSystemUtils.deleteRecursively(profile);
  }
}
