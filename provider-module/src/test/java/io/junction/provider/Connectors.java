package io.junction.provider;

import io.junction.api.SocialConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every connector CDI would register: the concrete {@link SocialConnector} beans among the module's
 * compiled classes, each made as the container makes it (its no-argument constructor).
 */
final class Connectors {

  private Connectors() {}

  static List<SocialConnector> all() {
    List<SocialConnector> found = new ArrayList<>();
    for (Class<?> type : classes()) {
      if (SocialConnector.class.isAssignableFrom(type)
          && !Modifier.isAbstract(type.getModifiers())
          && type.isAnnotationPresent(ApplicationScoped.class)) {
        try {
          found.add((SocialConnector) type.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(type + " cannot be made as CDI makes it", e);
        }
      }
    }
    return found;
  }

  private static List<Class<?>> classes() {
    try {
      Path root =
          Path.of(
              ProviderCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<Class<?>> out = new ArrayList<>();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
          String name =
              root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
          out.add(Class.forName(name.substring(0, name.length() - ".class".length())));
        }
      }
      return out;
    } catch (IOException | URISyntaxException | ClassNotFoundException e) {
      throw new AssertionError("the module's classes cannot be listed", e);
    }
  }
}
