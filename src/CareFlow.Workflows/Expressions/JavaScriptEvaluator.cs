using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace CareFlow.Workflows.Expressions;

/// <summary>
/// Runs JavaScript expressions in a Jint sandbox: a fresh engine per evaluation, time, memory, recursion and
/// statement limits, no CLR access. Jint checks its memory limit between steps, so the operations that build one
/// large value in a single step are bounded beforehand: arrays by <see cref="ScriptLimits.MaxArrayLength"/>, the string
/// builders <c>repeat</c>, <c>padStart</c> and <c>padEnd</c> by <see cref="ScriptLimits.MaxStringLength"/>, and every
/// regular expression match by the script's own time limit, checked at every statement (see <see cref="ScriptDeadline"/>), so
/// a script outlives its limit by at most the one match that was running when the limit passed. Offers Elsa's helpers: <c>getVariable</c>, <c>setVariable</c>,
/// <c>get&lt;Name&gt;()</c>/<c>set&lt;Name&gt;(v)</c>, <c>getInput</c>, <c>getWorkflowInstanceId</c>, <c>getCorrelationId</c>.
/// </summary>
public sealed class JavaScriptEvaluator(ScriptLimits limits)
{
    private static readonly ScriptParsingOptions Parsing = new() { AllowReturnOutsideFunction = true };
    private static readonly ConcurrentDictionary<int, Prepared<Script>> StringGuards = new();

    /// <summary>Evaluates <paramref name="script"/> and returns its value as JSON (undefined becomes null).</summary>
    public JsonNode? Evaluate(string script, ExpressionScope scope, CancellationToken cancellationToken = default)
    {
        if (script.Length > limits.MaxScriptLength) throw new ScriptException($"The script is longer than {limits.MaxScriptLength} characters.");
        using var engine = new Engine(options => options
            .TimeoutInterval(limits.Timeout)
            .Constraint(() => new ScriptDeadline(limits.Timeout))
            .LimitMemory(limits.MemoryBytes)
            .LimitRecursion(limits.RecursionDepth)
            .MaxStatements(limits.MaxStatements)
            .MaxArraySize(limits.MaxArrayLength)
            .RegexTimeoutInterval(limits.Timeout)
            .CancellationToken(cancellationToken)
            .Strict(false));
        engine.Execute(StringGuards.GetOrAdd(limits.MaxStringLength, PrepareStringGuard));
        Bind(engine, scope);
        try
        {
            return ToJson(engine, engine.Evaluate(script, Parsing));
        }
        catch (Exception ex) when (ex is JavaScriptException or ParseErrorException or TimeoutException or MemoryLimitExceededException
                                   or RecursionDepthOverflowException or StatementsCountOverflowException or ExecutionCanceledException
                                   or RegexMatchTimeoutException)
        {
            throw new ScriptException(Describe(ex), ex);
        }
    }

    /// <summary>Checks a script's syntax without running it; returns the error message, or null when it parses.</summary>
    public static string? CheckSyntax(string script)
    {
        try
        {
            Engine.PrepareScript(script, options: new ScriptPreparationOptions { ParsingOptions = Parsing });
            return null;
        }
        catch (ScriptPreparationException ex)
        {
            return ex.InnerException?.Message ?? ex.Message;
        }
    }

    /// <summary>
    /// Wraps the built-ins that allocate their whole result at once, so that a result longer than
    /// <paramref name="maxLength"/> characters is refused before it is allocated (a RangeError, as for any too-long string).
    /// </summary>
    private static Prepared<Script> PrepareStringGuard(int maxLength) => Engine.PrepareScript(string.Create(CultureInfo.InvariantCulture, $$"""
        (function () {
          var max = {{maxLength}}, proto = String.prototype, repeat = proto.repeat, padStart = proto.padStart, padEnd = proto.padEnd;
          function guard(length) {
            if (length > max) throw new RangeError('Invalid string length: the result would be longer than ' + max + ' characters.');
          }
          function define(name, fn) { Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false }); }
          define('repeat', function (count) { guard(String(this).length * Number(count)); return repeat.call(this, count); });
          define('padStart', function (length, fill) { guard(Number(length)); return padStart.call(this, length, fill); });
          define('padEnd', function (length, fill) { guard(Number(length)); return padEnd.call(this, length, fill); });
        })();
        """));

    private static void Bind(Engine engine, ExpressionScope scope)
    {
        engine.SetValue("getVariable", new Func<string, JsValue>(name => FromJson(engine, scope.FindByName(name) is { } v ? scope.Get(v.Id) : null)));
        engine.SetValue("setVariable", new Action<string, JsValue>((name, value) =>
            scope.Set((scope.FindByName(name) ?? throw new JavaScriptException($"Unknown variable '{name}'.")).Id, ToJson(engine, value))));
        engine.SetValue("getInput", new Func<string, JsValue>(name => FromJson(engine, scope.State.Input[name])));
        engine.SetValue("getWorkflowInstanceId", new Func<string>(() => scope.State.Id));
        engine.SetValue("getCorrelationId", new Func<string?>(() => scope.State.CorrelationId));
        foreach (var variable in scope.Variables.DistinctBy(v => v.Name))
        {
            if (!IsIdentifier(variable.Name)) continue;
            var id = variable.Id;
            engine.SetValue("get" + variable.Name, new Func<JsValue>(() => FromJson(engine, scope.Get(id))));
            engine.SetValue("set" + variable.Name, new Action<JsValue>(value => scope.Set(id, ToJson(engine, value))));
        }

        foreach (var (name, value) in scope.State.Input)
        {
            if (IsIdentifier(name) && scope.FindByName(name) is null)
            {
                var captured = value;
                engine.SetValue("get" + name, new Func<JsValue>(() => FromJson(engine, captured)));
            }
        }
    }

    private static JsValue FromJson(Engine engine, JsonNode? node) =>
        node is null ? JsValue.Null : new Jint.Native.Json.JsonParser(engine).Parse(node.ToJsonString());

    private static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull()) return null;
        var text = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return text.IsUndefined() ? null : JsonNode.Parse(text.AsString());
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static string Describe(Exception ex) => ex switch
    {
        TimeoutException or RegexMatchTimeoutException => "The script ran longer than its time limit and was stopped.",
        MemoryLimitExceededException => "The script used more memory than its limit and was stopped.",
        RecursionDepthOverflowException => "The script recursed deeper than its limit and was stopped.",
        StatementsCountOverflowException => "The script ran more statements than its limit and was stopped.",
        _ => "Script error: " + ex.Message,
    };
}
