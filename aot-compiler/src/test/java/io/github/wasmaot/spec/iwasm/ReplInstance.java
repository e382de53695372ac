package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.spec.Action;
import io.github.wasmaot.spec.ActionResult;
import io.github.wasmaot.spec.WasmValue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One module instance living in one {@code iwasm --repl} process, so memory, tables and globals
 * carry over between actions. Every action becomes one REPL line (see {@link CallPlan}). iwasm
 * clears the exception before each call, so the instance stays usable after a trap. If the
 * process dies or stops answering the instance is lost and later actions fail with that reason.
 */
final class ReplInstance implements AutoCloseable {

    private final IwasmProcess process;
    private final InstrumentedModule module;
    private final Duration timeout;
    private String lost;

    ReplInstance(IwasmProcess process, InstrumentedModule module, Duration timeout) {
        this.process = process;
        this.module = module;
        this.timeout = timeout;
    }

    ActionResult perform(Action action) {
        CallPlan plan;
        List<WasmValue> args;
        if (action instanceof Action.Invoke invoke) {
            plan = module.functions().get(invoke.field());
            args = invoke.args();
        } else {
            plan = module.globals().get(action.field());
            args = List.of();
        }
        if (plan == null) {
            throw new IllegalStateException("the module has no exported "
                    + (action instanceof Action.Invoke ? "function" : "global") + " \"" + action.field() + "\"");
        }
        if (args.size() != plan.params().size()) {
            throw new IllegalStateException("\"" + action.field() + "\" takes " + plan.params().size()
                    + " argument(s), the action gives " + args.size());
        }
        return call(plan, args);
    }

    private ActionResult call(CallPlan plan, List<WasmValue> args) {
        if (lost != null) {
            throw new IllegalStateException("module instance lost earlier: " + lost);
        }
        StringBuilder line = new StringBuilder(plan.replName());
        args.forEach(a -> line.append(' ').append(ReplValues.format(a)));
        String output;
        try {
            process.send(line.toString());
            IwasmProcess.Chunk chunk = process.next(timeout);
            output = chunk.text();
            if (chunk instanceof IwasmProcess.Chunk.Exited exited) {
                lose("iwasm exited with status " + exited.exitCode() + " on \"" + line + "\"; output "
                        + IwasmOutputParser.quote(output) + ", stderr " + IwasmOutputParser.quote(process.stderr()));
            }
        } catch (IOException e) {
            lose("cannot write to iwasm: " + e.getMessage() + "; stderr " + IwasmOutputParser.quote(process.stderr()));
            return null;
        } catch (TimeoutException e) {
            lose(e.getMessage() + " on \"" + line + "\"");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lose("interrupted");
            return null;
        }
        return result(plan, IwasmOutputParser.reply(output, plan.results().size()), line);
    }

    private static ActionResult result(CallPlan plan, ReplReply reply, CharSequence line) {
        if (reply instanceof ReplReply.Failure f) {
            String m = f.message();
            if (m.startsWith("lookup function") || m.startsWith("invalid input argument")) {
                throw new IllegalStateException("iwasm REPL rejected \"" + line + "\": " + m);
            }
            return m.contains("stack overflow") ? new ActionResult.Exhausted(m) : new ActionResult.Trapped(m);
        }
        List<ReplReply.PrintedValue> printed = ((ReplReply.Values) reply).values();
        List<WasmValue> values = new ArrayList<>();
        for (int i = 0; i < printed.size(); i++) {
            values.add(ReplValues.decode(printed.get(i), plan.results().get(i)));
        }
        return new ActionResult.Returned(values);
    }

    private void lose(String why) {
        lost = why;
        process.close();
        throw new IllegalStateException(why);
    }

    @Override
    public void close() {
        process.close();
    }
}
