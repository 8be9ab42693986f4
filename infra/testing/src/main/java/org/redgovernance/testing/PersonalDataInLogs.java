package org.redgovernance.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks through what a module's tests wrote (every test class's output, in {@code
 * target/surefire-reports}, and the shared servers' logs) for what must never be logged: mainland
 * mobile numbers, resident ID-card numbers (with a valid check character) and access tokens. Run by
 * the build after a module's tests ({@code verify}); it fails the build naming the file, the line
 * and the kind, never the value.
 */
public final class PersonalDataInLogs {

  /** What was found where; the value itself is not kept. */
  public record Finding(Path file, int line, String kind) {}

  private static final Pattern MOBILE = Pattern.compile("(?<![\\w.+-])1[3-9]\\d{9}(?![\\w])");
  private static final Pattern ID_CARD =
      Pattern.compile(
          "(?<![\\w])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx](?![\\w])");
  private static final Pattern TOKEN =
      Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private PersonalDataInLogs() {}

  /** Scans every folder given (a missing one is nothing to scan); exits 1 on any finding. */
  public static void main(String[] folders) {
    List<Finding> findings = new ArrayList<>();
    int files = 0;
    for (String folder : folders) {
      Path path = Path.of(folder);
      if (Files.isDirectory(path)) {
        List<Path> logs = logsIn(path);
        files += logs.size();
        for (Path log : logs) {
          findings.addAll(scan(log));
        }
      }
    }
    System.out.println(
        "personal data in logs: " + files + " files scanned, " + findings.size() + " findings");
    for (Finding finding : findings) {
      System.out.println("  " + finding.kind() + " at " + finding.file() + ":" + finding.line());
    }
    if (!findings.isEmpty()) {
      throw new IllegalStateException(
          findings.size() + " personal data or tokens in the tests' logs (see above)");
    }
  }

  /** The findings in one log file. */
  public static List<Finding> scan(Path log) {
    List<Finding> findings = new ArrayList<>();
    try (BufferedReader reader = reader(log)) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        for (String kind : kinds(line)) {
          findings.add(new Finding(log, number, kind));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return findings;
  }

  /** The kinds of what must not be logged that {@code line} holds. */
  public static List<String> kinds(String line) {
    List<String> kinds = new ArrayList<>();
    if (MOBILE.matcher(line).find()) {
      kinds.add("mobile number");
    }
    Matcher id = ID_CARD.matcher(line);
    while (id.find()) {
      if (validIdCard(id.group())) {
        kinds.add("ID-card number");
        break;
      }
    }
    if (TOKEN.matcher(line).find()) {
      kinds.add("token");
    }
    return kinds;
  }

  private static boolean validIdCard(String number) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return Character.toUpperCase(number.charAt(17)) == ID_CHECK.charAt(sum % 11);
  }

  private static List<Path> logsIn(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".log"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines of a log as UTF-8, with anything that is not replaced rather than refused. */
  private static BufferedReader reader(Path log) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            Files.newInputStream(log),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
  }
}
