package io.github.wasmaot.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A parsed wast2json file: its name (without {@code .json}), folder and commands in order. */
public record SpecFile(String name, Path directory, List<SpecCommand> commands) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SpecFile {
        commands = List.copyOf(commands);
    }

    public static SpecFile read(Path json) throws IOException {
        JsonNode root = JSON.readTree(json.toFile());
        List<SpecCommand> commands = new ArrayList<>();
        for (JsonNode c : root.get("commands")) {
            commands.add(command(c));
        }
        String file = json.getFileName().toString();
        return new SpecFile(file.substring(0, file.length() - ".json".length()), json.getParent(), commands);
    }

    private static SpecCommand command(JsonNode c) {
        int line = c.get("line").asInt();
        String type = c.get("type").asText();
        return switch (type) {
            case "module" -> new SpecCommand.Module(line, text(c, "filename"), optional(c, "name"));
            case "register" -> new SpecCommand.Register(line, text(c, "as"), optional(c, "name"));
            case "action" -> new SpecCommand.PerformAction(line, action(c.get("action")));
            case "assert_return" -> new SpecCommand.AssertReturn(line, action(c.get("action")), expected(c));
            case "assert_trap" -> new SpecCommand.AssertTrap(line, action(c.get("action")), text(c, "text"));
            case "assert_exhaustion" ->
                    new SpecCommand.AssertExhaustion(line, action(c.get("action")), text(c, "text"));
            case "assert_malformed" -> new SpecCommand.AssertMalformed(line, text(c, "filename"), text(c, "text"),
                    isBinary(c));
            case "assert_invalid" -> new SpecCommand.AssertInvalid(line, text(c, "filename"), text(c, "text"),
                    isBinary(c));
            case "assert_unlinkable" ->
                    new SpecCommand.AssertUnlinkable(line, text(c, "filename"), text(c, "text"));
            case "assert_uninstantiable" ->
                    new SpecCommand.AssertUninstantiable(line, text(c, "filename"), text(c, "text"));
            default -> throw new IllegalArgumentException("unknown spec command type " + type + " at line " + line);
        };
    }

    private static boolean isBinary(JsonNode c) {
        return !"text".equals(c.path("module_type").asText("binary"));
    }

    private static String text(JsonNode c, String field) {
        JsonNode n = c.get(field);
        if (n == null) {
            throw new IllegalArgumentException("missing field " + field + " in " + c);
        }
        return n.asText();
    }

    private static Optional<String> optional(JsonNode c, String field) {
        JsonNode n = c.get(field);
        return n == null ? Optional.empty() : Optional.of(n.asText());
    }

    private static Action action(JsonNode a) {
        Optional<String> module = optional(a, "module");
        String field = text(a, "field");
        String type = text(a, "type");
        if (type.equals("get")) {
            return new Action.Get(module, field);
        }
        if (!type.equals("invoke")) {
            throw new IllegalArgumentException("unknown action type " + type);
        }
        List<WasmValue> args = new ArrayList<>();
        for (JsonNode v : a.path("args")) {
            args.add(WasmValue.parse(text(v, "type"), text(v, "value")));
        }
        return new Action.Invoke(module, field, args);
    }

    private static List<ExpectedValue> expected(JsonNode c) {
        List<ExpectedValue> values = new ArrayList<>();
        for (JsonNode v : c.path("expected")) {
            values.add(ExpectedValue.parse(text(v, "type"), text(v, "value")));
        }
        return values;
    }
}
