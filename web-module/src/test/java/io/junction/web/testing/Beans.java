package io.junction.web.testing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The few things CDI does for the services, done by hand for unit tests: it makes each bean once
 * (whatever its scope), fills its injected fields ({@code @Inject}, {@code @PersistenceContext},
 * {@code @Resource}, and {@code @ConfigProperty} from the settings given here or else the
 * property's default) and calls its {@code @PostConstruct} method. A field it cannot fill fails the
 * test, naming the field; a {@code MetricRegistry} is left null (no metrics). Interceptors
 * ({@code @Transactional}) are not run: see {@link TestDatabase#transactional}.
 */
public final class Beans {

  private final Map<String, String> config = new HashMap<>();
  private final Map<Class<?>, Class<?>> bindings = new HashMap<>();
  private final List<Object> instances = new ArrayList<>();

  /** A setting, as MicroProfile Config would give it. */
  public Beans config(String name, String value) {
    config.put(name, value);
    return this;
  }

  /** The implementation made for an interface. */
  public <T> Beans bind(Class<T> type, Class<? extends T> implementation) {
    bindings.put(type, implementation);
    return this;
  }

  /**
   * Registers a bean made by the test (a fake, or a subclass standing for a bean with its
   * interceptor); its injected fields are filled first.
   */
  public Beans add(Object bean) {
    inject(bean, List.of());
    instances.add(bean);
    return this;
  }

  /** The bean of a type, made (and its dependencies) on first use. */
  public <T> T get(Class<T> type) {
    return type.cast(resolve(type, List.of(), type.getName()));
  }

  /**
   * A new bean of a request scope: made afresh, with {@code requestBeans} (such as the call and the
   * servlet request) preferred to the beans held here, and not kept.
   */
  public <T> T create(Class<T> type, Object... requestBeans) {
    T bean = type.cast(instantiate(type, "a request"));
    inject(bean, List.of(requestBeans));
    postConstruct(bean);
    return bean;
  }

  /** Sets a field (declared by the object's class or a superclass), whatever its visibility. */
  public static void setField(Object target, String name, Object value) {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        f.set(target, value);
        return;
      } catch (NoSuchFieldException next) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException(target.getClass().getName() + " has no field " + name);
  }

  private Object resolve(Class<?> type, List<Object> local, String forWhat) {
    for (Object candidate : local) {
      if (type.isInstance(candidate)) {
        return candidate;
      }
    }
    List<Object> matches = new ArrayList<>();
    for (Object candidate : instances) {
      if (type.isInstance(candidate)) {
        matches.add(candidate);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.size() > 1) {
      throw new IllegalStateException("Several beans of " + type.getName() + " for " + forWhat);
    }
    if (type == MetricRegistry.class && !bindings.containsKey(type)) {
      // No metrics outside a server: the beans that record them take a null registry as none.
      return null;
    }
    Class<?> implementation = bindings.getOrDefault(type, type);
    if (implementation.isInterface() || Modifier.isAbstract(implementation.getModifiers())) {
      throw new IllegalStateException(
          "No bean of " + type.getName() + " for " + forWhat + ": add or bind one");
    }
    Object bean = instantiate(implementation, forWhat);
    instances.add(bean);
    // A bean held here outlives a request: it never sees the request's beans.
    inject(bean, List.of());
    postConstruct(bean);
    return bean;
  }

  /**
   * A bean made by its {@code @Inject} constructor, when it has one, else by its no-argument one.
   */
  private Object instantiate(Class<?> type, String forWhat) {
    try {
      for (var c : type.getDeclaredConstructors()) {
        if (c.isAnnotationPresent(Inject.class)) {
          Object[] args = new Object[c.getParameterCount()];
          var parameters = c.getParameters();
          for (int i = 0; i < args.length; i++) {
            ConfigProperty property = parameters[i].getAnnotation(ConfigProperty.class);
            String what = type.getName() + " constructor (" + forWhat + ")";
            args[i] =
                property != null
                    ? setting(
                        parameters[i].getType(),
                        parameters[i].getParameterizedType(),
                        property,
                        what)
                    : resolve(parameters[i].getType(), List.of(), what);
          }
          c.setAccessible(true);
          return c.newInstance(args);
        }
      }
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalStateException("Cannot make a " + type.getName(), e);
    }
  }

  private void inject(Object bean, List<Object> local) {
    for (Class<?> c = bean.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        String what = c.getSimpleName() + "." + f.getName();
        Object value;
        if (f.isAnnotationPresent(PersistenceContext.class)) {
          value = resolve(EntityManager.class, local, what);
        } else if (f.isAnnotationPresent(Resource.class)) {
          value = resolve(f.getType(), local, what);
        } else if (f.isAnnotationPresent(Inject.class)) {
          ConfigProperty property = f.getAnnotation(ConfigProperty.class);
          value =
              property != null
                  ? setting(f.getType(), f.getGenericType(), property, what)
                  : resolve(f.getType(), local, what);
        } else {
          continue;
        }
        try {
          f.setAccessible(true);
          f.set(bean, value);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(what, e);
        }
      }
    }
  }

  private Object setting(
      Class<?> type, java.lang.reflect.Type genericType, ConfigProperty property, String what) {
    String raw = config.get(property.name());
    if (raw == null && !property.defaultValue().equals(ConfigProperty.UNCONFIGURED_VALUE)) {
      raw = property.defaultValue();
    }
    if (type == Optional.class) {
      if (!(genericType instanceof ParameterizedType p)
          || p.getActualTypeArguments()[0] != String.class) {
        throw new IllegalStateException("Only Optional<String> settings are supported: " + what);
      }
      return Optional.ofNullable(raw);
    }
    if (raw == null) {
      throw new IllegalStateException("No value for " + property.name() + " (" + what + ")");
    }
    if (type == String.class) {
      return raw;
    }
    if (type == long.class || type == Long.class) {
      return Long.parseLong(raw.trim());
    }
    if (type == int.class || type == Integer.class) {
      return Integer.parseInt(raw.trim());
    }
    if (type == boolean.class || type == Boolean.class) {
      return Boolean.parseBoolean(raw.trim());
    }
    throw new IllegalStateException("Unsupported setting type " + type.getName() + ": " + what);
  }

  private static void postConstruct(Object bean) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = bean.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    for (Class<?> c : hierarchy) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(PostConstruct.class)) {
          try {
            m.setAccessible(true);
            m.invoke(bean);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                "@PostConstruct of " + c.getName() + " failed", e.getCause());
          }
        }
      }
    }
  }
}
