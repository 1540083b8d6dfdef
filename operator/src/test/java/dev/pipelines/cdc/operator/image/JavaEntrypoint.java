package dev.pipelines.cdc.operator.image;

import dev.pipelines.cdc.testsupport.image.ImageTar;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code java <flags> -cp <classpath> <main class>} entrypoint Jib writes, with the classpath argument file
 * ({@code @/app/jib-classpath-file}) read from the image.
 */
record JavaEntrypoint(String executable, List<String> jvmFlags, List<String> classpath, String mainClass) {

  static JavaEntrypoint of(ImageTar image) {
    List<String> args = image.config().entrypoint();
    int cp = args.indexOf("-cp");
    if (args.isEmpty() || cp < 1 || cp != args.size() - 3) {
      throw new IllegalStateException("not a `java <flags> -cp <classpath> <main>` entrypoint: " + args);
    }
    String classpath = args.get(cp + 1);
    if (classpath.startsWith("@")) {
      String file = classpath.substring(1);
      classpath = new String(image.file(file).orElseThrow(() -> new IllegalStateException("no " + file)).content(),
          StandardCharsets.UTF_8).trim();
    }
    return new JavaEntrypoint(args.get(0), args.subList(1, cp), Arrays.asList(classpath.split(":")),
        args.get(args.size() - 1));
  }
}
