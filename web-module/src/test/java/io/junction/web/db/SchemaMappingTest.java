package io.junction.web.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.web.site.Site;
import io.junction.web.testing.TestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The entities and the schema the migrations make agree: every entity class is in the persistence
 * unit, and reading each one (all its columns) works on the migrated database.
 */
class SchemaMappingTest {

  private static TestDatabase db;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void everyEntityClassIsInThePersistenceUnit() throws Exception {
    Set<String> annotated = new TreeSet<>();
    Path classes = Path.of(Site.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
        Class<?> c =
            Class.forName(
                name.substring(0, name.length() - ".class".length()),
                false,
                getClass().getClassLoader());
        if (c.isAnnotationPresent(Entity.class)) {
          annotated.add(c.getName());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Set<String> managed =
        db.entityManager().getMetamodel().getEntities().stream()
            .map(e -> e.getJavaType().getName())
            .collect(Collectors.toCollection(TreeSet::new));

    assertTrue(annotated.size() >= 8, annotated.toString());
    assertEquals(annotated, managed);
  }

  @Test
  void everyEntityReadsFromTheMigratedSchema() {
    EntityManager em = db.entityManager();
    for (EntityType<?> entity : em.getMetamodel().getEntities()) {
      db.inTransaction(
          () ->
              em.createQuery("SELECT e FROM " + entity.getName() + " e", entity.getJavaType())
                  .setMaxResults(1)
                  .getResultList());
    }
  }
}
