package io.junction.web.testing;

import io.junction.web.db.DatabaseMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.SharedCacheMode;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A fresh in-memory Apache Derby database for unit tests, migrated with the application's own
 * Flyway migrations (through {@link DatabaseMigrator}), and JPA on it through EclipseLink outside a
 * server.
 *
 * <p>The persistence unit is the application's own {@code junction} unit of {@code
 * META-INF/persistence.xml} (its entity classes, shared-cache mode and properties), made
 * resource-local on this database. {@link #entityManager()} behaves as the server's
 * transaction-scoped persistence context: inside a transaction every use shares that transaction's
 * context, and outside one each use gets a new context, so entities do not outlive their
 * transaction.
 *
 * <p>Transactions are those of {@code @Transactional} as the server's interceptor runs them: {@link
 * #transactional} reads the annotation of the service method (its type, rollbackOn and
 * dontRollbackOn); {@link #inTransaction} is a plain REQUIRED transaction. A transaction belongs to
 * the thread that began it.
 */
public final class TestDatabase implements AutoCloseable {

  /** The application's persistence unit, read from its persistence.xml. */
  private static final String UNIT = "junction";

  // Kept so that the levels stay set: the logging framework holds loggers weakly.
  private static final List<Logger> QUIET = new ArrayList<>();

  static {
    if (System.getProperty("derby.stream.error.file") == null) {
      System.setProperty("derby.stream.error.file", "target/derby-unit.log");
    }
    // The server's lock settings (server-config's jvm.options): a lock wait ends after 5 s, a
    // deadlock is looked for after 1 s.
    System.setProperty("derby.locks.waitTimeout", "5");
    System.setProperty("derby.locks.deadlockTimeout", "1");
    // Flyway's progress, and its warnings about Derby (newer than it knows; an index Derby
    // already has for a foreign key), are logged at every server start too: not news in a test.
    for (String name : List.of("org.flywaydb", DatabaseMigrator.class.getName())) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.SEVERE);
      QUIET.add(logger);
    }
  }

  private final String name;
  private final EmbeddedDataSource dataSource;
  private final EntityManagerFactory emf;
  private final EntityManager entityManager;
  private final ThreadLocal<Tx> current = new ThreadLocal<>();
  private final List<EntityManager> nonTransactional = new CopyOnWriteArrayList<>();

  /** An open transaction: its persistence context, and the one it suspended. */
  private static final class Tx {
    final EntityManager em;
    final Tx suspended;
    boolean rollbackOnly;

    Tx(EntityManager em, Tx suspended) {
      this.em = em;
      this.suspended = suspended;
    }
  }

  private TestDatabase() {
    name = "junction-" + UUID.randomUUID();
    dataSource = new EmbeddedDataSource();
    dataSource.setDatabaseName("memory:" + name);
    dataSource.setCreateDatabase("create");
    DatabaseMigrator migrator = new DatabaseMigrator();
    Beans.setField(migrator, "dataSource", dataSource);
    if (!migrator.migrate()) {
      throw new IllegalStateException("The migrations failed on Derby (see the log above)");
    }
    emf = Persistence.createEntityManagerFactory(configuration(name, dataSource));
    entityManager =
        (EntityManager)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class},
                new ContainerContext());
  }

  /** A new, migrated, empty database. */
  public static TestDatabase create() {
    return new TestDatabase();
  }

  /** The database, for plain JDBC (as {@code jdbc/junction} is in the server). */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The container-managed entity manager to set into a service's {@code em} field. */
  public EntityManager entityManager() {
    return entityManager;
  }

  /** Runs {@code work} in a REQUIRED transaction: rolled back when it throws. */
  public <T> T inTransaction(Callable<T> work) {
    return run(Transactional.TxType.REQUIRED, Set.of(), Set.of(), work);
  }

  /** Runs {@code work} in a REQUIRED transaction: rolled back when it throws. */
  public void inTransaction(Work work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  /** Work without a result. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  /**
   * Runs {@code work}, a call of {@code type}'s method {@code method}, as the server's transaction
   * interceptor would: with the {@code @Transactional} of the method (or else of its class), its
   * transaction type and its rollback rules. Every method of that name must have the same
   * annotation.
   */
  public <T> T transactional(Class<?> type, String method, Callable<T> work) {
    Transactional annotation = annotationOf(type, method);
    if (annotation == null) {
      return call(work);
    }
    return run(
        annotation.value(),
        Set.of(annotation.rollbackOn()),
        Set.of(annotation.dontRollbackOn()),
        work);
  }

  /** The one number a query such as {@code SELECT COUNT(*) ...} answers, by plain JDBC. */
  public long count(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("No row: " + sql);
        }
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first column of every row a query answers, as strings, by plain JDBC. */
  public java.util.List<String> strings(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      java.util.List<String> out = new java.util.ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs a statement by plain JDBC; returns the number of rows it changed. */
  public int update(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Closes JPA and drops the database. */
  @Override
  public void close() {
    for (EntityManager em : nonTransactional) {
      if (em.isOpen()) {
        em.close();
      }
    }
    emf.close();
    EmbeddedDataSource drop = new EmbeddedDataSource();
    drop.setDatabaseName("memory:" + name);
    drop.setConnectionAttributes("drop=true");
    try {
      drop.getConnection().close();
    } catch (SQLException expected) {
      // Derby answers a successful drop with SQLState 08006.
      if (!"08006".equals(expected.getSQLState())) {
        throw new IllegalStateException("Cannot drop the test database", expected);
      }
    }
  }

  // ---- transactions ----------------------------------------------------------------------

  private <T> T run(
      Transactional.TxType type,
      Set<Class<?>> rollbackOn,
      Set<Class<?>> dontRollbackOn,
      Callable<T> work) {
    Tx tx = current.get();
    return switch (type) {
      case REQUIRED ->
          tx == null
              ? inNew(rollbackOn, dontRollbackOn, work)
              : joined(tx, rollbackOn, dontRollbackOn, work);
      case REQUIRES_NEW -> inNew(rollbackOn, dontRollbackOn, work);
      case MANDATORY -> {
        if (tx == null) {
          throw new TransactionalException("MANDATORY without a transaction", null);
        }
        yield joined(tx, rollbackOn, dontRollbackOn, work);
      }
      case SUPPORTS -> call(work);
      case NOT_SUPPORTED -> {
        current.set(null);
        try {
          yield call(work);
        } finally {
          current.set(tx);
        }
      }
      case NEVER -> {
        if (tx != null) {
          throw new TransactionalException("NEVER within a transaction", null);
        }
        yield call(work);
      }
    };
  }

  private <T> T joined(
      Tx tx, Set<Class<?>> rollbackOn, Set<Class<?>> dontRollbackOn, Callable<T> work) {
    try {
      return work.call();
    } catch (Exception | Error e) {
      if (rollsBack(e, rollbackOn, dontRollbackOn)) {
        tx.rollbackOnly = true;
      }
      throw sneaky(e);
    }
  }

  private <T> T inNew(Set<Class<?>> rollbackOn, Set<Class<?>> dontRollbackOn, Callable<T> work) {
    Tx tx = new Tx(emf.createEntityManager(), current.get());
    current.set(tx);
    try {
      tx.em.getTransaction().begin();
      T result;
      try {
        result = work.call();
      } catch (Exception | Error e) {
        if (rollsBack(e, rollbackOn, dontRollbackOn) || tx.rollbackOnly) {
          tx.em.getTransaction().rollback();
        } else {
          try {
            tx.em.getTransaction().commit();
          } catch (RuntimeException failed) {
            e.addSuppressed(failed);
          }
        }
        throw sneaky(e);
      }
      if (tx.rollbackOnly) {
        tx.em.getTransaction().rollback();
        throw new TransactionalException(
            "The transaction was marked for rollback", new jakarta.transaction.RollbackException());
      }
      tx.em.getTransaction().commit();
      return result;
    } finally {
      if (tx.em.getTransaction().isActive()) {
        tx.em.getTransaction().rollback();
      }
      tx.em.close();
      current.set(tx.suspended);
    }
  }

  /** The interceptor's rule: RuntimeException and Error roll back, dontRollbackOn wins. */
  private static boolean rollsBack(
      Throwable e, Set<Class<?>> rollbackOn, Set<Class<?>> dontRollbackOn) {
    for (Class<?> c : dontRollbackOn) {
      if (c.isInstance(e)) {
        return false;
      }
    }
    for (Class<?> c : rollbackOn) {
      if (c.isInstance(e)) {
        return true;
      }
    }
    return e instanceof RuntimeException || e instanceof Error;
  }

  private static <T> T call(Callable<T> work) {
    try {
      return work.call();
    } catch (Exception e) {
      throw sneaky(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
    throw (E) e;
  }

  private static Transactional annotationOf(Class<?> type, String method) {
    Set<Transactional> found = new HashSet<>();
    boolean any = false;
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(method) && !m.isSynthetic()) {
          any = true;
          Transactional t = m.getAnnotation(Transactional.class);
          found.add(t != null ? t : type.getAnnotation(Transactional.class));
        }
      }
      if (any) {
        break;
      }
    }
    if (!any) {
      throw new IllegalArgumentException(type.getName() + " has no method " + method);
    }
    if (found.size() != 1) {
      throw new IllegalArgumentException(
          type.getName() + "." + method + " is overloaded with different transactions");
    }
    return found.iterator().next();
  }

  /** The entity manager of the current transaction, or a new one for a single use. */
  private final class ContainerContext implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "container-managed EntityManager of " + name;
        case "close":
          throw new IllegalStateException("A container-managed EntityManager cannot be closed");
        default:
          break;
      }
      Tx tx = current.get();
      EntityManager target;
      if (tx != null) {
        target = tx.em;
      } else {
        target = emf.createEntityManager();
        nonTransactional.add(target);
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  // ---- the persistence unit ----------------------------------------------------------------

  /** The application's unit, resource-local on {@code dataSource}. */
  private static PersistenceConfiguration configuration(String name, DataSource dataSource) {
    Element unit = applicationUnit();
    PersistenceConfiguration c = new PersistenceConfiguration(UNIT + "-test-" + name);
    c.transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL);
    c.provider("org.eclipse.persistence.jpa.PersistenceProvider");
    for (String className : texts(unit, "class")) {
      try {
        c.managedClass(Class.forName(className));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("persistence.xml lists a missing class " + className, e);
      }
    }
    for (String mode : texts(unit, "shared-cache-mode")) {
      c.sharedCacheMode(SharedCacheMode.valueOf(mode));
    }
    NodeList properties = unit.getElementsByTagNameNS("*", "property");
    for (int i = 0; i < properties.getLength(); i++) {
      Element p = (Element) properties.item(i);
      c.property(p.getAttribute("name"), p.getAttribute("value"));
    }
    c.property("jakarta.persistence.nonJtaDataSource", dataSource);
    // Several databases live in one JVM: each factory is a session of its own.
    c.property("eclipselink.session-name", name);
    return c;
  }

  private static Element applicationUnit() {
    try (InputStream in =
        DatabaseMigrator.class.getClassLoader().getResourceAsStream("META-INF/persistence.xml")) {
      if (in == null) {
        throw new IllegalStateException("No META-INF/persistence.xml on the class path");
      }
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      Document doc = f.newDocumentBuilder().parse(in);
      NodeList units = doc.getElementsByTagNameNS("*", "persistence-unit");
      for (int i = 0; i < units.getLength(); i++) {
        Element unit = (Element) units.item(i);
        if (unit.getAttribute("name").equals(UNIT)) {
          return unit;
        }
      }
      throw new IllegalStateException("persistence.xml has no unit " + UNIT);
    } catch (IOException
        | org.xml.sax.SAXException
        | javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("Cannot read persistence.xml", e);
    }
  }

  private static List<String> texts(Element parent, String tag) {
    List<String> out = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }
}
