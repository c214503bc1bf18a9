using System.Text.Json.Nodes;
using Acornima;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace CareFlow.Workflows.Expressions;

/// <summary>
/// Runs JavaScript expressions in a Jint sandbox: a fresh engine per evaluation, time, memory, recursion and
/// statement limits, no CLR access. Offers Elsa's helpers: <c>getVariable</c>, <c>setVariable</c>,
/// <c>get&lt;Name&gt;()</c>/<c>set&lt;Name&gt;(v)</c>, <c>getInput</c>, <c>getWorkflowInstanceId</c>, <c>getCorrelationId</c>.
/// </summary>
public sealed class JavaScriptEvaluator(ScriptLimits limits)
{
    private static readonly ScriptParsingOptions Parsing = new() { AllowReturnOutsideFunction = true };

    /// <summary>Evaluates <paramref name="script"/> and returns its value as JSON (undefined becomes null).</summary>
    public JsonNode? Evaluate(string script, ExpressionScope scope, CancellationToken cancellationToken = default)
    {
        if (script.Length > limits.MaxScriptLength) throw new ScriptException($"The script is longer than {limits.MaxScriptLength} characters.");
        using var engine = new Engine(options => options
            .TimeoutInterval(limits.Timeout)
            .LimitMemory(limits.MemoryBytes)
            .LimitRecursion(limits.RecursionDepth)
            .MaxStatements(limits.MaxStatements)
            .CancellationToken(cancellationToken)
            .Strict(false));
        Bind(engine, scope);
        try
        {
            return ToJson(engine, engine.Evaluate(script, Parsing));
        }
        catch (Exception ex) when (ex is JavaScriptException or ParseErrorException or TimeoutException or MemoryLimitExceededException
                                   or RecursionDepthOverflowException or StatementsCountOverflowException or ExecutionCanceledException)
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
        TimeoutException => "The script ran longer than its time limit and was stopped.",
        MemoryLimitExceededException => "The script used more memory than its limit and was stopped.",
        RecursionDepthOverflowException => "The script recursed deeper than its limit and was stopped.",
        StatementsCountOverflowException => "The script ran more statements than its limit and was stopped.",
        _ => "Script error: " + ex.Message,
    };
}
