package io.junction.web.telemetry;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The fields every log line of a call carries: {@code callId}, {@code apiKey} and {@code method},
 * on the thread that serves the call. On Open Liberty they go to its {@code LogRecordContext},
 * which adds them to each JSON log line as {@code ext_callId}, {@code ext_apiKey} and {@code
 * ext_method}; elsewhere (unit tests) this does nothing.
 *
 * <p>The Liberty class is looked up once, when this class loads; each call then costs a
 * thread-local map update per field, no reflection.
 */
public final class CallLogContext {

  /** The JSON fields (Liberty prefixes each with {@code ext_}). */
  public static final String CALL_ID = "callId";

  public static final String API_KEY = "apiKey";
  public static final String METHOD = "method";

  private static final MethodHandle ADD;
  private static final MethodHandle REMOVE;

  static {
    MethodHandle add = null;
    MethodHandle remove = null;
    try {
      Class<?> context =
          Class.forName(
              "com.ibm.websphere.logging.hpel.LogRecordContext",
              false,
              CallLogContext.class.getClassLoader());
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      add =
          lookup.findStatic(
              context,
              "addExtension",
              MethodType.methodType(void.class, String.class, String.class));
      remove =
          lookup.findStatic(
              context, "removeExtension", MethodType.methodType(boolean.class, String.class));
    } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
      // Not on Open Liberty: log lines carry the callId in their text only.
    }
    ADD = add;
    REMOVE = remove;
  }

  private CallLogContext() {}

  /** Whether the fields reach the log lines (on Open Liberty). */
  public static boolean active() {
    return ADD != null;
  }

  /** Sets a field for the rest of this thread's call; null or empty removes it. */
  public static void put(String field, String value) {
    if (ADD == null) {
      return;
    }
    try {
      if (value == null || value.isEmpty()) {
        boolean removed = (boolean) REMOVE.invokeExact(field);
      } else {
        ADD.invokeExact(field, value);
      }
    } catch (Throwable e) {
      // Logging context is best effort: never fail a call for it.
    }
  }

  /** Removes every field, when the call ends, so that the thread's next call starts clean. */
  public static void clear() {
    if (REMOVE == null) {
      return;
    }
    try {
      boolean removed = (boolean) REMOVE.invokeExact(CALL_ID);
      removed = (boolean) REMOVE.invokeExact(API_KEY);
      removed = (boolean) REMOVE.invokeExact(METHOD);
    } catch (Throwable e) {
      // best effort, as above
    }
  }

  /**
   * What a log field may hold of an outside value: the value itself when it is made only of
   * letters, digits, {@code . _ -} and at most {@code max} long (API keys and method names are),
   * else {@code "invalid"}: a log line never carries what a caller typed in its place.
   */
  public static String safe(String value, int max) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > max) {
      return "invalid";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return "invalid";
      }
    }
    return value;
  }
}
