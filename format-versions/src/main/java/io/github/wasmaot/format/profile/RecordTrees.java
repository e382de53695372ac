package io.github.wasmaot.format.profile;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Start-up (issue #15): builds the profile and loader-facts records from a parsed JSON tree directly, for the plain
 * data those resources hold, instead of through Jackson's data binding, whose first use in a JVM (building a
 * deserializer per record type) costs more than everything else a short {@code wasm-aot run} does. It takes only
 * what it maps exactly as Jackson would (records of strings, numbers, booleans, lists, string-keyed maps and records;
 * {@link JsonProperty} names and {@code required}, {@link JsonAlias}); on anything else (a missing required property,
 * an unknown one where those fail, a value of another JSON type, a record constructor that refuses its values) it
 * returns null and the caller binds with Jackson, so malformed data fails exactly as before. Internal to
 * format-versions' resource readers.
 */
public final class RecordTrees {
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordTrees() {
    }

    /**
     * Reads one JSON document into the tree {@code ObjectMapper.readTree} would give (the same node types; a
     * repeated key keeps its last value; nothing after the document is read) with jackson-core's parser alone: creating an ObjectMapper is itself a
     * noticeable part of a short run's start-up.
     */
    public static JsonNode readTree(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            return node(p, t); // what follows the document is not read, as readTree does by default
        }
    }

    private static JsonNode node(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    o.replace(name, node(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    a.add(node(p, e));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected " + t + " at " + p.getCurrentLocation());
        }
    }

    /** The record, or null when Jackson must bind it (see the class doc). */
    public static <T extends Record> T map(JsonNode tree, Class<T> type, boolean failOnUnknown) {
        try {
            return type.cast(value(tree, type, failOnUnknown));
        } catch (Unsupported e) {
            return null;
        }
    }

    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private record Shape(Constructor<?> constructor, String[] names, Set<String>[] aliases, boolean[] required,
                         Type[] types, Class<?>[] raw) {
    }

    @SuppressWarnings("unchecked")
    private static Shape shape(Class<?> type) throws Unsupported {
        Shape s = SHAPES.get(type);
        if (s != null) {
            return s;
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] raw = new Class<?>[components.length];
        Type[] types = new Type[components.length];
        for (int i = 0; i < components.length; i++) {
            raw[i] = components[i].getType();
            types[i] = components[i].getGenericType();
        }
        Constructor<?> ctor;
        try {
            ctor = type.getDeclaredConstructor(raw);
        } catch (NoSuchMethodException e) {
            throw new Unsupported();
        }
        Parameter[] params = ctor.getParameters();
        String[] names = new String[components.length];
        Set<String>[] aliases = new Set[components.length];
        boolean[] required = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            aliases[i] = new HashSet<>();
            JsonProperty p = params[i].getAnnotation(JsonProperty.class);
            if (p != null) {
                if (!p.value().isEmpty()) {
                    names[i] = p.value();
                }
                required[i] = p.required();
            }
            JsonAlias a = params[i].getAnnotation(JsonAlias.class);
            if (a != null) {
                aliases[i].addAll(List.of(a.value()));
            }
        }
        s = new Shape(ctor, names, aliases, required, types, raw);
        SHAPES.put(type, s);
        return s;
    }

    private static Object value(JsonNode node, Type type, boolean failOnUnknown) throws Unsupported {
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
        if (raw == null) {
            throw new Unsupported();
        }
        if (node == null || node.isNull()) {
            if (raw.isPrimitive()) {
                throw new Unsupported();
            }
            return null;
        }
        if (raw == int.class || raw == Integer.class) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw new Unsupported();
            }
            return node.intValue();
        }
        if (raw == long.class || raw == Long.class) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new Unsupported();
            }
            return node.longValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                throw new Unsupported();
            }
            return node.booleanValue();
        }
        if (raw == String.class) {
            if (!node.isTextual()) {
                throw new Unsupported();
            }
            return node.textValue();
        }
        if (raw == List.class && type instanceof ParameterizedType p && node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            for (JsonNode e : node) {
                out.add(value(e, p.getActualTypeArguments()[0], failOnUnknown));
            }
            return out;
        }
        if (raw == Map.class && type instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class
                && node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), value(e.getValue(), p.getActualTypeArguments()[1], failOnUnknown));
            }
            return out;
        }
        if (raw.isRecord() && node.isObject()) {
            return record(node, raw, failOnUnknown);
        }
        throw new Unsupported();
    }

    private static Object record(JsonNode node, Class<?> type, boolean failOnUnknown) throws Unsupported {
        Shape s = shape(type);
        Object[] args = new Object[s.names().length];
        int matched = 0;
        for (int i = 0; i < args.length; i++) {
            JsonNode v = node.get(s.names()[i]);
            for (String alias : s.aliases()[i]) {
                if (v == null) {
                    v = node.get(alias);
                } else if (node.has(alias)) {
                    throw new Unsupported();
                }
            }
            if (v == null) {
                if (s.required()[i]) {
                    throw new Unsupported();
                }
                args[i] = s.raw()[i] == int.class ? (Object) 0 : s.raw()[i] == long.class ? (Object) 0L
                        : s.raw()[i] == boolean.class ? (Object) false : null;
                if (s.raw()[i].isPrimitive() && args[i] == null) {
                    throw new Unsupported();
                }
            } else {
                matched++;
                args[i] = value(v, s.types()[i], failOnUnknown);
            }
        }
        if (failOnUnknown && matched != node.size()) {
            throw new Unsupported();
        }
        try {
            return s.constructor().newInstance(args);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException
                 | IllegalArgumentException e) {
            throw new Unsupported();
        }
    }
}
